#include "data/sentence_spans.h"

#include <algorithm>

namespace mtrec::data {

std::optional<std::size_t> sentenceHolding(const std::vector<SentenceSpan>& spans,
                                           std::size_t offset) {
    // Ends are non-decreasing, so the first span ending after `offset` holds it or follows it.
    const auto it =
        std::upper_bound(spans.begin(), spans.end(), offset,
                         [](std::size_t at, const SentenceSpan& span) { return at < span.end; });
    if (it == spans.end()) return std::nullopt;
    return static_cast<std::size_t>(it - spans.begin());
}

}  // namespace mtrec::data
