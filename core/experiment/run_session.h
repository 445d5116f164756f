#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "common/result.h"
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
}  // namespace mtrec::train

namespace mtrec::experiment {

class RunRecorder;

/// One session of a run that exists in the store (queued, or interrupted, failed or cancelled for
/// a resume): starts it, builds the pieces, trains (resuming from the output folder's checkpoints
/// when asked), evaluates, and ends the run finished, cancelled or failed. The engine behind
/// startTrainingRun and resumeTrainingRun. Borrows the store and the options; owns the config and
/// the data (the sampler points into the data). One use: call run() once.
class RunSession {
public:
    RunSession(store::ExperimentStore& store, std::int64_t runId, TrainingConfig config,
               TrainingData data, std::filesystem::path outputDir,
               const TrainingRunOptions& options);
    ~RunSession();

    Result<TrainingRunOutcome> run(bool resume);

    /// Where a run with output folder `outputDir` keeps its trainer checkpoints.
    static std::filesystem::path checkpointDir(const std::filesystem::path& outputDir);

private:
    Status build(bool resume);
    Status restore();
    void connectTrainer();
    Result<train::TrainingOutcome> train();
    Status evaluate(const train::TrainingOutcome& trained);
    Result<TrainingRunOutcome> end(const train::TrainingOutcome& trained);
    Error failRun(const std::string& reason);
    void phase(const std::string& name) const;
    bool cancelRequested() const;

    store::ExperimentStore& store_;
    std::int64_t runId_;
    TrainingConfig config_;
    TrainingData data_;
    std::filesystem::path outputDir_;
    const TrainingRunOptions& options_;

    std::unique_ptr<text::Tokenizer> tokenizer_;
    std::unique_ptr<text::BatchEncoder> batchEncoder_;
    std::shared_ptr<model::EncoderImpl> encoder_;
    std::unique_ptr<train::BatchSampler> sampler_;
    std::unique_ptr<train::Trainer> trainer_;
    std::unique_ptr<RunRecorder> recorder_;
    std::atomic<bool> stop_{false};  ///< what the trainer checks: a cancel, or a recording failure
    TrainingRunOutcome outcome_;
};

}  // namespace mtrec::experiment
