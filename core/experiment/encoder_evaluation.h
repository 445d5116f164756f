#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/suite_evaluation.h"
#include "experiment/training_config.h"

namespace mtrec::model {
class EncoderImpl;
}
namespace mtrec::text {
class BatchEncoder;
class Tokenizer;
}  // namespace mtrec::text

namespace mtrec::experiment {

struct EncoderEvaluationOptions {
    int threads = 1;                ///< for scoring and ranking; embedding uses ATen's thread count
    std::string runId = "encoder";  ///< the scorer's name in the results
    /// When set, the result files of `mtrec eval` (report/evaluation_csv.h) are written here
    /// (created when missing), rows of every suite together.
    std::string outputDir;
    /// Reports on the calling thread: Embedding (texts) and Ranking (evaluation steps) per suite,
    /// then WritingResults when outputDir is set.
    ProgressSink progress;
    /// Read at least once a batch (of texts embedded, of queries ranked); once cancelled the
    /// evaluation stops with an Error "cancelled".
    CancelToken cancel;
    /// The Linear layers' GEMMs while embedding (EncoderScorerOptions::precision).
    model::MatmulPrecision precision = model::MatmulPrecision::Fp32;
};

struct EncoderEvaluation {
    std::vector<data::RetrievalSuite> suites;
    std::vector<eval::SuiteEvaluation> evaluations;  ///< one per suite, same order
    std::vector<std::string> notes;                  ///< what loadSuites left out, and why
};

/// Per suite language: the tokens of its queries and candidates, each encoded whole (no prefix, no
/// truncation), and how many are the tokenizer's <unk> (SuiteEvaluation::unknownTokens).
std::vector<eval::UnknownTokens> unknownTokensOf(const data::RetrievalSuite& suite,
                                                 const text::Tokenizer& tokenizer);

/// Evaluates a dual encoder on the suites a training config names (each entry through loadSuites,
/// relative data folders resolved against `baseDir`): embeds every query and candidate
/// (makeEncoderScorer), scores and ranks every setting (eval::evaluateSuite) and, with outputDir,
/// writes the CSV files. Errors name the suite or the file.
Result<EncoderEvaluation> evaluateEncoder(const std::vector<EvaluationSuiteConfig>& suites,
                                          const std::string& baseDir, model::EncoderImpl& encoder,
                                          const text::BatchEncoder& batchEncoder,
                                          const EncoderEvaluationOptions& options);

}  // namespace mtrec::experiment
