#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/suite_evaluation.h"
#include "experiment/evaluated_model.h"
#include "model/matmul_precision.h"
#include "store/suite_contamination.h"

namespace mtrec::experiment {

/// What `mtrec eval` asks for: a scorer on a suite, result files, optionally a recorded run.
struct EvaluationJobOptions {
    std::string suite;                   ///< one of kSuiteNames
    std::string dataDir;                 ///< the suite's folder (loadSuites)
    std::vector<std::string> languages;  ///< empty: every language found
    std::string scorer = "bm25";         ///< one of kEvaluationScorers
    /// The dense scorer's model (a run's checkpoint or a Hugging Face folder, with its tokenizer).
    ModelSource model;
    /// The dense scorer's Linear GEMMs while embedding (`--precision`).
    model::MatmulPrecision precision = model::MatmulPrecision::Fp32;
    int threads = 1;          ///< scoring and ranking threads (>= 1); embedding uses ATen's count
    std::string outDir;       ///< the CSV files (report/evaluation_csv.h); created when missing
    bool trec = false;        ///< also TREC qrels and runs under outDir/trec/<suite>/
    std::size_t depth = 100;  ///< documents per query in the TREC runs; 0: the whole ranking
    /// When set, the evaluation is recorded there (created when missing) as a finished run named
    /// `runName` (empty: "<scorer> on <suite>"), its request stored as the run's config so that
    /// exportTrecRuns can regenerate its rankings.
    std::string databasePath;
    std::string runName;
    /// Evaluate even when a suite shares question ids or passages with what the dense model
    /// trained on (see evaluationOverlap); such suites are then recorded as contaminated.
    bool allowOverlap = false;
};

struct EvaluationJobOutcome {
    std::vector<data::RetrievalSuite> suites;
    std::vector<eval::SuiteEvaluation> evaluations;  ///< one per suite, same order
    std::optional<std::int64_t> runId;               ///< the recorded run, with databasePath
    /// The suites evaluated although they share data with the model's training data.
    std::vector<store::SuiteContamination> contaminated;
};

/// Evaluates a scorer (`mtrec eval`): loads the suites, refuses those that share data with the
/// dense model's training data unless allowOverlap (evaluationOverlap; nothing is written or
/// recorded then), builds the scorer for each (BM25, or the
/// dense scorer over the model, loaded once), scores, ranks and measures every setting
/// (eval::evaluateSuite), writes the CSV files (and the TREC files), and records the run when
/// asked. A job: reports on the calling thread Preparing (one report per note: a suite or language
/// left out, and why, in `message`), LoadingModel, per suite Embedding (dense) and Ranking,
/// WritingResults, and Done last when it returns a value. `cancel` is read at least once a batch;
/// cancelled, it returns Error "cancelled" and records nothing. Errors name the file, the suite or
/// the store. The dense scorer sets nothing process-wide but uses ATen's thread count, which is:
/// one torch job at a time per process.
Result<EvaluationJobOutcome> runEvaluation(const EvaluationJobOptions& options,
                                           const ProgressSink& progress, const CancelToken& cancel);

}  // namespace mtrec::experiment
