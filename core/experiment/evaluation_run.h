#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "eval/suite_evaluation.h"
#include "store/suite_contamination.h"

namespace mtrec::experiment {

/// What to record of a scorer's evaluation (a baseline such as BM25) as a run of its own.
struct EvaluationRunInfo {
    std::string databasePath;  ///< Created when missing.
    std::string name;          ///< Run name shown in lists.
    std::string scorer;        ///< Stored as the run's strategy, e.g. "bm25".
    std::string configJson;    ///< How the evaluation was asked for (suite, data, languages, ...).
    /// Suites evaluated although they share data with the model's training data.
    std::vector<store::SuiteContamination> contaminated;
};

/// Records finished evaluations as one finished run: its cells, summaries, bias and per-query AP (for
/// significance tests). Either the whole run lands or, when recording the results fails, the run is
/// marked failed with the reason and the error is returned. Returns the run id.
Result<std::int64_t> recordEvaluationRun(const EvaluationRunInfo& info,
                                         const std::vector<eval::SuiteEvaluation>& evaluations);

}  // namespace mtrec::experiment
