#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "experiment/training_config.h"
#include "experiment/training_run.h"
#include "train/trainer.h"

namespace mtrec::train {
class Collective;
}

namespace mtrec::experiment {

/// What rank 0 hands the other ranks of a data-parallel run, through the collective's key-value
/// store, in this order: the run (id, folder, config as stored), once its tokenizer exists, and
/// the checkpoint the training goes on from ("" for a fresh start).
void handOverRun(train::Collective& collective, std::int64_t runId,
                 const std::filesystem::path& folder, const TrainingConfig& config);
void handOverTokenizer(train::Collective& collective);
void handOverCheckpoint(train::Collective& collective, const std::string& checkpoint);

/// How a rank other than 0 ended its part of a run.
struct RankOutcome {
    std::int64_t runId = 0;
    std::filesystem::path folder;
    train::TrainingEnd end = train::TrainingEnd::Finished;
    std::size_t steps = 0;          ///< optimizer steps done in all
    std::size_t resumedFromStep = 0;
    std::string interruption;       ///< why, when Interrupted
};

/// A rank other than 0 of a data-parallel run (`mtrec train` or `mtrec runs resume` started on
/// several processes): takes the run rank 0 hands over (handOverRun...), reads the data its config
/// names (the same paths must hold the same files on this host), loads the run's tokenizer from its
/// folder, builds the same encoder and sampler, resumes from the same checkpoint, and trains its
/// share of every batch with rank 0 until the run ends. It writes nothing but its step log
/// (rank_log.h) into the run folder: the store, checkpoints and the evaluation are rank 0's.
/// `options.collective` must be set; options.threads overrides the config's thread count.
/// Reports LoadingTokenizer, BuildingEncoder, RestoringCheckpoint and Training per step.
Result<RankOutcome> joinTrainingRun(const TrainingRunOptions& options,
                                    const ProgressSink& progress, const CancelToken& cancel);

}  // namespace mtrec::experiment
