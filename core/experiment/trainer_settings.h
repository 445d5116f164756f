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

/// Gives `trainer` the validation batches and the cross-lingual ranking of `data`'s validation
/// pairs when the config validates (eval_every > 0 and there are validation pairs).
void setValidation(train::Trainer& trainer, const TrainingConfig& config, const TrainingData& data);

}  // namespace mtrec::experiment
