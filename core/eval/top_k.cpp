#include "eval/top_k.h"

#include <algorithm>

namespace mtrec::eval {

void TopK::offer(const float* scores, const std::int32_t* order, std::size_t count,
                 std::uint32_t firstColumn) {
    if (depth_ == 0) return;
    for (std::size_t i = 0; i < count; ++i) {
        const ScoredColumn candidate{scores[i], order[i],
                                     firstColumn + static_cast<std::uint32_t>(i)};
        // Most columns of a large pool fail this one comparison once the bound is set.
        if (bounded_ && !rankedBefore(candidate, bound_)) continue;
        kept_.push_back(candidate);
        if (kept_.size() >= 2 * depth_) shrink();
    }
}

void TopK::shrink() {
    const auto kth = kept_.begin() + static_cast<std::ptrdiff_t>(depth_ - 1);
    std::nth_element(kept_.begin(), kth, kept_.end(), rankedBefore);
    kept_.resize(depth_);
    bound_ = *kth;
    bounded_ = true;
}

std::vector<ScoredColumn> TopK::take() {
    std::sort(kept_.begin(), kept_.end(), rankedBefore);
    if (kept_.size() > depth_) kept_.resize(depth_);
    bounded_ = false;
    return std::move(kept_);
}

}  // namespace mtrec::eval
