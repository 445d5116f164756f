#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mtrec::eval {

/// For pool columns with the given docnos: the position of each column when the docnos are sorted
/// in ascending byte order (strcmp), 0..n-1. A larger value means a larger docno, which wins a
/// score tie. Docnos must be unique (checked by the caller).
std::vector<std::int32_t> docnoOrder(const std::vector<const std::string*>& docnos);

/// The 1-based rank of `column` in the ranking of one query's pool scores, trec_eval's order (score
/// descending, then docno descending): 1 + #{score > s} + #{score == s and docno > docno(column)}.
/// One branch-free pass over the row (no sort); `order` comes from docnoOrder for the same columns.
std::size_t rankOfColumn(const float* scores, const std::int32_t* order, std::size_t columns,
                         std::size_t column);

/// The rank of a column (as rankOfColumn) and how many other columns have exactly its score: a tie
/// that only the docno breaks.
struct ColumnRank {
    std::size_t rank = 0;
    std::size_t ties = 0;
};

/// Over `columns` scores (a chunk of a row) with docno positions `order`: how many rank before a
/// candidate of score `s` and docno position `o` (#{score > s} + #{score == s and order > o}), and
/// how many have exactly score `s` (the candidate itself included when it is in the chunk).
struct AheadCount {
    std::size_t ahead = 0;
    std::size_t equal = 0;
};
AheadCount countAhead(const float* scores, const std::int32_t* order, std::size_t columns, float s,
                      std::int32_t o);

/// rankOfColumn and the column's ties, in the same one pass over the row.
ColumnRank rankAndTiesOfColumn(const float* scores, const std::int32_t* order, std::size_t columns,
                               std::size_t column);

/// Column indices of the first `depth` documents of the ranking (all when depth is 0 or exceeds the
/// pool), best first, in trec_eval's order. Used for TREC export only.
std::vector<std::uint32_t> topColumns(const float* scores, const std::int32_t* order,
                                      std::size_t columns, std::size_t depth);

}  // namespace mtrec::eval
