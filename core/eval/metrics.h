#pragma once

#include <cstddef>
#include <vector>

#include "eval/suite_evaluation.h"

namespace mtrec::eval {

/// A relevant document (grade >= 1) at its 1-based rank in the full ranking of one query.
struct RankedRelevant {
    std::size_t rank = 0;
    int grade = 1;
};

/// The seven measures of one query, with trec_eval 10's formulas and order of floating-point
/// operations (relevance level 1, no depth cut-off):
///  - `retrieved`: the relevant documents that were ranked, sorted by rank ascending (ranks
///  distinct);
///  - `idealGrades`: the grades of every relevant judged document (retrieved or not), sorted
///  descending;
///    its size is R.
/// map = sum over retrieved relevant of (relevant so far / rank) / R, 0 when none is retrieved;
/// recip_rank = 1 / first relevant rank; recall_k = |relevant in top k| / R (0 when R = 0);
/// P_k = |relevant in top k| / k; ndcg_cut_10 = DCG@10 / ideal DCG@10 with gain = grade and
/// discount log2(rank + 1), left unnormalised (0) when the ideal is 0.
MetricValues computeMetrics(const std::vector<RankedRelevant>& retrieved,
                            const std::vector<int>& idealGrades);

/// Adds `values` to `sum` element-wise.
void accumulate(MetricValues& sum, const MetricValues& values);
/// `sum` divided by `count` element-wise; all zeros when count is 0.
MetricValues divided(const MetricValues& sum, std::size_t count);

}  // namespace mtrec::eval
