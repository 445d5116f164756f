#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/scorer.h"

namespace mtrec::experiment {

/// The scorers `mtrec eval --scorer` accepts. Trained encoders join this list with the training engine.
inline const std::vector<std::string> kScorerNames = {"bm25"};

/// Builds the named scorer for `suite` (which must outlive it), using up to `threads` threads.
Result<std::unique_ptr<eval::Scorer>> makeScorer(const std::string& name,
                                                 const data::RetrievalSuite& suite, int threads);

}  // namespace mtrec::experiment
