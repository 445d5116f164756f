#pragma once

#include "experiment/run_folder.h"
#include "experiment/training_config.h"
#include "experiment/training_data.h"
#include "experiment/training_run.h"
#include "train/trainer.h"

namespace mtrec::experiment {

/// The trainer's options for a run of `config`: the optimizer section, the step count (the QA
/// budget of a strategy with translation tasks), checkpoints into the run folder, the seed, the
/// loss, the test hooks and the data-parallel collective of `run`.
train::TrainerOptions trainerOptions(const TrainingConfig& config, const TrainingData& data,
                                     const RunFolder& folder, const TrainingRunOptions& run);

}  // namespace mtrec::experiment
