#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "common/result.h"
#include "eval/candidate_pool.h"
#include "eval/evaluation_step.h"

namespace mtrec::eval {

/// How many progress units runBoundedStep reports for one query language: one per (block of query
/// rows, column chunk).
std::size_t boundedStepUnits(const EvaluationOptions& options, std::size_t queryCount,
                             std::size_t poolSize);

/// runStep for large pools, in memory bounded by the chunk sizes and the TREC depth, not by the
/// pool: for each block of `queryChunkRows` query rows the pool is scored `columnChunk` columns at
/// a time (Scorer::scoreColumns), never as a whole row.
///
/// Exactness. Metrics need the rank of every relevant candidate d of a query in its target pool:
/// 1 + #{s > s_d} + #{s == s_d and docno > docno_d}. Before the chunks stream by, s_d is scored on
/// its own (scoreColumns with d's column alone); each chunk then adds its own count of columns
/// ranked before d. That is exact because the scorer promises (Scorer::scoresColumns) that a score
/// is the same float however its columns are grouped: DenseScorer computes every score with one
/// fixed-order kernel (inner_products.h), so no error band, no second pass and no re-count is
/// needed, and nothing depends on the chunk sizes or the thread count. A relevant candidate whose
/// own chunk does not reproduce s_d breaks that promise and throws std::logic_error.
///
/// With a TREC export each (pair query, target) keeps its first trecDepth columns in a TopK (the
/// exact head of the full ranking, docno tie break included); trecDepth 0 (the whole ranking) is
/// refused by evaluateSuite before any step runs. `chunkDone` is called on the calling thread
/// after each column chunk. Fails when cancelled or when an export file cannot be written.
Status runBoundedStep(const StepContext& context, std::size_t queryLanguage,
                      const CandidatePool& scored, std::vector<RankedTarget>& targets,
                      const std::function<void()>& chunkDone);

}  // namespace mtrec::eval
