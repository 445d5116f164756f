#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/suite_evaluation.h"

namespace mtrec::report {

/// One evaluated suite: the data it was read from and what the evaluation found.
struct EvaluatedSuite {
    const data::RetrievalSuite* suite = nullptr;  ///< Not owned; must outlive the call.
    const eval::SuiteEvaluation* evaluation = nullptr;
};

/// Writes the evaluation result files of `mtrec eval` into `dir` (which must exist), one tidy RFC 4180
/// CSV each, rows of every suite in the order given:
///   stats.csv      suite,language,queries,candidates
///   summary.csv    suite,setting,metric,value            (setting Mo|Cr|Mul, macro averages)
///   pairs.csv      suite,query_lang,cand_lang,setting,metric,value   (cand_lang "all" for Mul)
///   per_query.csv  suite,query_lang,cand_lang,setting,qid,<one column per metric>,rank_distance
///   bias.csv       suite,query_lang,cand_lang,measure,value
/// bias.csv measures: mean_rank and top10_share per (X, Y) cell; rank_distance per query language
/// (cand_lang "all"), and the suite's language bias as query_lang "all", cand_lang "all".
Status writeEvaluationCsv(const std::string& dir, const std::vector<EvaluatedSuite>& suites);

}  // namespace mtrec::report
