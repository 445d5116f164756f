#include "experiment/checkpoint_interval_note.h"

namespace mtrec::experiment {

std::string checkpointIntervalNote(const OptimizerConfig& optimizer) {
    if (!optimizer.steps || *optimizer.steps == 0 || optimizer.checkpointEvery <= *optimizer.steps)
        return "";
    return "$.optimizer.checkpoint_every " + std::to_string(optimizer.checkpointEvery) +
           " is more than the " + std::to_string(*optimizer.steps) +
           " steps: the only checkpoint is the one at the end, so a run stopped before it starts "
           "over";
}

}  // namespace mtrec::experiment
