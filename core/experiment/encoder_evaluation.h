#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/suite_evaluation.h"
#include "experiment/training_config.h"

namespace mtrec::model {
class EncoderImpl;
}
namespace mtrec::text {
class BatchEncoder;
}

namespace mtrec::experiment {

struct EncoderEvaluationOptions {
    int threads = 1;                ///< for scoring and ranking; embedding uses ATen's thread count
    std::string runId = "encoder";  ///< the scorer's name in the results
    /// When set, the result files of `mtrec eval` (report/evaluation_csv.h) are written here
    /// (created when missing), rows of every suite together.
    std::string outputDir;
    /// Called on the calling thread: (suite, what, done, total), `what` = "embedding" (texts) or
    /// "ranking" (evaluation steps).
    std::function<void(const std::string& suite, const std::string& what, std::size_t done,
                       std::size_t total)>
        progress;
    /// Checked between suites and phases; when it reads true the evaluation stops with an Error
    /// "evaluation cancelled". May be null.
    const std::atomic<bool>* cancel = nullptr;
};

struct EncoderEvaluation {
    std::vector<data::RetrievalSuite> suites;
    std::vector<eval::SuiteEvaluation> evaluations;  ///< one per suite, same order
    std::vector<std::string> notes;                  ///< what loadSuites left out, and why
};

/// Evaluates a dual encoder on the suites a training config names (each entry through loadSuites,
/// relative data folders resolved against `baseDir`): embeds every query and candidate
/// (makeEncoderScorer), scores and ranks every setting (eval::evaluateSuite) and, with outputDir,
/// writes the CSV files. Errors name the suite or the file.
Result<EncoderEvaluation> evaluateEncoder(const std::vector<EvaluationSuiteConfig>& suites,
                                          const std::string& baseDir, model::EncoderImpl& encoder,
                                          const text::BatchEncoder& batchEncoder,
                                          const EncoderEvaluationOptions& options);

}  // namespace mtrec::experiment
