#pragma once

#include <vector>

#include "eval/suite_evaluation.h"
#include "store/eval_cell.h"

namespace mtrec::store {

/// What the store keeps of one suite evaluation, ready for ResultRepository::record().
struct SuiteRecord {
    std::vector<EvalCell> cells;
    std::vector<PerQueryValue> perQuery;
};

/// Converts an evaluation into store rows:
///  - every cell with at least one pair query: its seven trec_eval metrics (Mo/Cr: (X, Y); Mul:
///    (X, all));
///  - every setting summary: (setting, all, all) per metric, the values run lists show;
///  - language bias (parallel suites): "mul_mean_rank" and "mul_top10_share" at (Mul, X, Y), the
///    mean rank distance "rank_distance" at (Mul, X, all) and (Mul, all, all); NaN entries are
///    left out;
///  - diagnostics: "tied_relevant" in every cell with a pair query (its count of tied queries),
///    "unk_share" at (Mo, X, X) for every language the evaluation counted tokens of;
///  - per-query values of `perQueryMetrics` (by default AP = "map", for significance tests, and
///    "recip_rank", whose inverse is the rank of the first relevant passage) and each Mul query's
///    rank distance.
/// Each cell's definition names the metric, the pool and the number of queries, so it can be
/// recomputed.
SuiteRecord suiteRecord(const eval::SuiteEvaluation& evaluation,
                        const std::vector<eval::Metric>& perQueryMetrics = {eval::Metric::Map,
                                                                             eval::Metric::RecipRank});

}  // namespace mtrec::store
