#pragma once

#include <string>

#include "experiment/training_config.h"

namespace mtrec::experiment {

/// The run note when $.optimizer.checkpoint_every is more than the run's steps, e.g.
/// "$.optimizer.checkpoint_every 500 is more than the 40 steps: the only checkpoint is the one at
/// the end, so a run stopped before it starts over". The run goes on (the trainer checkpoints at
/// the end whatever the interval; a config whose steps were cut for a quick try keeps working),
/// but says so. Empty otherwise, and for a run counted in epochs.
std::string checkpointIntervalNote(const OptimizerConfig& optimizer);

}  // namespace mtrec::experiment
