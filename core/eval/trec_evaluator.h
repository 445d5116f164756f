#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "common/result.h"
#include "data/trec_types.h"
#include "eval/suite_evaluation.h"

namespace mtrec::eval {

struct RunEvaluation {
    std::map<std::string, MetricValues> perQuery;  ///< Every evaluated qid (those of the qrels).
    MetricValues mean{};                           ///< Mean over perQuery.
};

struct RunEvaluationOptions {
    /// trec_eval -c: a qrels query absent from the run counts with an empty ranking (all measures
    /// 0) instead of being an error.
    bool completeQueries = false;
};

/// Evaluates a run against qrels exactly as trec_eval 10 does with
/// `-m map -m recip_rank -m recall.1,10,100 -m P.1 -m ndcg_cut.10`: each query's documents are
/// ranked by score descending, then docno descending (byte order); the file's rank column plays no
/// part. Queries of the qrels are evaluated (those with only grade-0 judgments too, scoring 0); run
/// queries absent from the qrels are ignored. Errors, as trec_eval's exits: a qrels query missing
/// from the run (unless completeQueries), a docno retrieved twice for one query, and qrels with no
/// query.
Result<RunEvaluation> evaluateRun(const data::TrecQrels& qrels, const data::TrecRun& run,
                                  const RunEvaluationOptions& options = {});

}  // namespace mtrec::eval
