#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/scorer.h"

namespace mtrec::experiment {

/// The scorers makeScorer builds (they need no model).
inline const std::vector<std::string> kScorerNames = {"bm25"};
/// Dense retrieval with an encoder: needs a model (evaluation_job.h).
inline const std::string kDenseScorer = "dense";
/// Every scorer `mtrec eval --scorer` accepts.
inline const std::vector<std::string> kEvaluationScorers = {"bm25", kDenseScorer};

/// Builds the named scorer for `suite` (which must outlive it), using up to `threads` threads.
Result<std::unique_ptr<eval::Scorer>> makeScorer(const std::string& name,
                                                 const data::RetrievalSuite& suite, int threads);

}  // namespace mtrec::experiment
