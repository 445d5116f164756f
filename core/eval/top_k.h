#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mtrec::eval {

/// A pool column with its score and its docno position (relevant_ranks.h: larger wins a tie).
struct ScoredColumn {
    float score = 0.0f;
    std::int32_t order = 0;
    std::uint32_t column = 0;
};

/// trec_eval's ranking order: score descending, then docno descending. A strict total order when
/// the orders are distinct and no score is NaN.
inline bool rankedBefore(const ScoredColumn& a, const ScoredColumn& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.order > b.order;
}

/// The first `depth` columns of one query's ranking, fed chunk by chunk in any order. Holds at
/// most 2 x depth entries: when full it keeps the best depth and from then on refuses anything
/// not ranked before the depth-th best seen so far. Not thread-safe; one per query.
class TopK {
public:
    explicit TopK(std::size_t depth) : depth_(depth) {}

    /// Considers `count` columns: scores[i] is column firstColumn + i, with docno position
    /// order[i].
    void offer(const float* scores, const std::int32_t* order, std::size_t count,
               std::uint32_t firstColumn);
    /// The best min(depth, offered) columns, best first. Leaves the TopK empty.
    std::vector<ScoredColumn> take();

private:
    void shrink();

    std::size_t depth_;
    std::vector<ScoredColumn> kept_;
    bool bounded_ = false;  // kept_ once held depth entries: bound_ is the depth-th best
    ScoredColumn bound_;
};

}  // namespace mtrec::eval
