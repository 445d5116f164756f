#include "eval/top_k.h"

#include <algorithm>
#include <limits>

namespace mtrec::eval {

void TopK::offer(const float* scores, const std::int32_t* order, std::size_t count,
                 std::uint32_t firstColumn) {
    if (depth_ == 0) return;
    // A local copy of the bound's score (`scores` cannot alias it); -inf lets all in until the
    // bound is set.
    float threshold = bounded_ ? bound_.score : -std::numeric_limits<float>::infinity();
    constexpr std::size_t kBlock = 64;
    std::uint32_t reaching[kBlock];
    for (std::size_t begin = 0; begin < count; begin += kBlock) {
        const std::size_t end = std::min(count, begin + kBlock);
        // Late in a large pool most blocks hold no score reaching the bound: one vectorised count
        // (-O3, sources.cmake; the bound `end` keeps GCC from unrolling it into scalar code).
        int any = 0;
        for (std::size_t i = begin; i < end; ++i) any += static_cast<int>(scores[i] >= threshold);
        if (any == 0) continue;
        // Early on many do: collect them without a branch per column.
        std::size_t found = 0;
        for (std::size_t i = begin; i < end; ++i) {
            reaching[found] = static_cast<std::uint32_t>(i);
            found += static_cast<std::size_t>(scores[i] >= threshold);
        }
        for (std::size_t n = 0; n < found; ++n) {
            const std::uint32_t i = reaching[n];
            const ScoredColumn candidate{scores[i], order[i], firstColumn + i};
            if (bounded_ && !rankedBefore(candidate, bound_)) continue;
            kept_.push_back(candidate);
            if (kept_.size() < 2 * depth_) continue;
            shrink();
            threshold = bound_.score;
        }
    }
}

namespace {
// A lambda, not the function's address, so that the sorts inline the comparison.
const auto kRankedBefore = [](const ScoredColumn& a, const ScoredColumn& b) {
    return rankedBefore(a, b);
};
}  // namespace

void TopK::shrink() {
    const auto kth = kept_.begin() + static_cast<std::ptrdiff_t>(depth_ - 1);
    std::nth_element(kept_.begin(), kth, kept_.end(), kRankedBefore);
    kept_.resize(depth_);
    bound_ = *kth;
    bounded_ = true;
}

std::vector<ScoredColumn> TopK::take() {
    std::sort(kept_.begin(), kept_.end(), kRankedBefore);
    if (kept_.size() > depth_) kept_.resize(depth_);
    bounded_ = false;
    return std::move(kept_);
}

}  // namespace mtrec::eval
