#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace mtrec::data {

/// A sentence's place in its context, [begin, end) in code points.
struct SentenceSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The sentence an answer starting at `offset` belongs to: the span holding it or, when `offset`
/// lies in a gap between sentences (or before the first), the next one; nullopt beyond the last
/// sentence. `spans` must be in order and not overlap (begin <= end <= next begin).
std::optional<std::size_t> sentenceHolding(const std::vector<SentenceSpan>& spans,
                                           std::size_t offset);

}  // namespace mtrec::data
