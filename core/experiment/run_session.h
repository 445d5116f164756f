#pragma once

#include <cstdint>
#include <memory>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "data/retrieval_suite.h"
#include "experiment/run_folder.h"
#include "experiment/training_run.h"

namespace mtrec::model {
class EncoderImpl;
}
namespace mtrec::text {
class BatchEncoder;
class Tokenizer;
}  // namespace mtrec::text
namespace mtrec::train {
class BatchSampler;
class Trainer;
struct TrainingOutcome;
struct TrainingProgress;
}  // namespace mtrec::train

namespace mtrec::experiment {

class RankLog;
class RunRecorder;

/// One session of a run that exists in the store (queued, or interrupted, failed or cancelled for
/// a resume): starts it, builds the pieces, trains (resuming from the run folder's checkpoints
/// when asked), evaluates, and ends the run finished, cancelled or failed. The engine behind
/// startTrainingRun and resumeTrainingRun, reporting as they say. Borrows the store, the options,
/// the sink and the token; owns the config and the data (the sampler points into the data). One
/// use: call run() once, on the thread that reports.
class RunSession {
public:
    RunSession(store::ExperimentStore& store, std::int64_t runId, TrainingConfig config,
               TrainingData data, RunFolder folder, const TrainingRunOptions& options,
               const ProgressSink& progress, const CancelToken& cancel);
    ~RunSession();

    Result<TrainingRunOutcome> run(bool resume);

private:
    Status build(bool resume);
    Status note(Phase phase, const std::string& note);
    Status noteOnce(Phase phase, const std::string& text);
    Status restore();
    void connectTrainer();
    void observeStep(const train::TrainingProgress& step);
    Result<train::TrainingOutcome> train();
    /// Records the suites that share data with the training data as contaminated.
    Status recordContamination(const std::vector<data::RetrievalSuite>& suites);
    Status evaluate();
    Result<TrainingRunOutcome> end(const train::TrainingOutcome& trained);
    Result<TrainingRunOutcome> interrupted(const std::string& reason);
    Error failRun(const std::string& reason);
    void phase(Phase phase) const;

    store::ExperimentStore& store_;
    std::int64_t runId_;
    TrainingConfig config_;
    TrainingData data_;
    RunFolder folder_;
    const TrainingRunOptions& options_;
    const ProgressSink& progress_;
    CancelToken cancel_;  ///< the caller's
    CancelToken stop_;    ///< what the trainer reads: a cancel, or a recording failure

    std::unique_ptr<text::Tokenizer> tokenizer_;
    std::unique_ptr<text::BatchEncoder> batchEncoder_;
    std::shared_ptr<model::EncoderImpl> encoder_;
    std::unique_ptr<train::BatchSampler> sampler_;
    std::unique_ptr<train::Trainer> trainer_;
    std::unique_ptr<RunRecorder> recorder_;
    std::unique_ptr<RankLog> rankLog_;  ///< data-parallel runs only
    std::string restoredCheckpoint_;    ///< the checkpoint folder a resume went on from
    TrainingRunOutcome outcome_;
};

}  // namespace mtrec::experiment
