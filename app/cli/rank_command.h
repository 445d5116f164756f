#pragma once

#include "common/cancel_token.h"
#include "experiment/training_run.h"

namespace mtrec::cli {

struct World;

/// `mtrec train` and `mtrec runs resume` on a rank other than 0: trains this rank's share of the
/// run rank 0 hands over (experiment::joinTrainingRun), printing one line as it joins and one as it
/// ends; its steps go to the run folder's rank log. Throws ExitError when the run could not be
/// joined, failed, or was interrupted.
void trainAsRank(const World& world, experiment::TrainingRunOptions run, const CancelToken& cancel);

}  // namespace mtrec::cli
