#include "cli/rank_command.h"

#include <iostream>
#include <string>

#include "cli/exit_error.h"
#include "cli/world_options.h"
#include "experiment/rank_log.h"
#include "experiment/rank_session.h"

namespace mtrec::cli {

void trainAsRank(const World& world, experiment::TrainingRunOptions run,
                 const CancelToken& cancel) {
    const std::string rank = "rank " + std::to_string(world.settings.rank) + " of " +
                             std::to_string(world.settings.worldSize);
    run.collective = world.collective;
    bool announced = false;
    const ProgressSink progress = [&](const Progress& update) {
        if (announced || update.phase != Phase::BuildingEncoder) return;
        std::cout << rank << ": training run " << update.runId << " with rank 0" << std::endl;
        announced = true;
    };
    Result<experiment::RankOutcome> outcome = experiment::joinTrainingRun(run, progress, cancel);
    if (!outcome) throw ExitError(rank + ": " + outcome.error().message);
    const experiment::RankOutcome& ended = outcome.value();
    const std::string log =
        experiment::RankLog::fileOf(ended.folder, world.settings.rank).string();
    if (ended.end == train::TrainingEnd::Interrupted)
        throw ExitError(rank + ": run " + std::to_string(ended.runId) +
                        " interrupted: " + ended.interruption + " (steps logged in " + log + ")");
    std::cout << rank << ": run " << ended.runId << " " << train::toString(ended.end)
              << " after step " << ended.steps << "; steps logged in " << log << std::endl;
}

}  // namespace mtrec::cli
