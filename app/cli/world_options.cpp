#include "cli/world_options.h"

#include <algorithm>
#include <thread>

#include <CLI/CLI.hpp>

#include "cli/exit_error.h"
#include "train/collective.h"

namespace mtrec::cli {

void addWorldOptions(CLI::App& command, train::WorldFlags& flags) {
    const char* group = "Data-parallel training (torchrun and srun set these for you)";
    command.add_option("--rank", flags.rank, "This process's rank (default: RANK, SLURM_PROCID)")
        ->group(group);
    command
        .add_option("--world-size", flags.worldSize,
                    "Processes training the run together (default: WORLD_SIZE, SLURM_NTASKS, 1)")
        ->group(group);
    command
        .add_option("--master", flags.master,
                    "HOST:PORT where rank 0 meets the others (default: MASTER_ADDR:MASTER_PORT)")
        ->group(group);
    command
        .add_option("--dist-timeout", flags.timeoutSeconds,
                    "Seconds any exchange may wait for the other processes before the run ends "
                    "interrupted (default: MTREC_DIST_TIMEOUT, 300)")
        ->group(group);
    command
        .add_option("--dist-backend", flags.backend,
                    "c10d backend: gloo (CPU), or nccl with a CUDA build of LibTorch (default: "
                    "MTREC_DIST_BACKEND, gloo)")
        ->group(group);
}

std::size_t World::defaultThreads() const {
    if (!settings.distributed()) return 0;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, cores / static_cast<unsigned>(settings.localWorldSize));
}

World joinWorld(const train::WorldFlags& flags) {
    Result<train::WorldSettings> settings = train::resolveWorld(flags);
    if (!settings) throw ExitError(settings.error().message);
    World world{settings.value(), nullptr};
    if (!world.settings.distributed()) return world;
    Result<std::shared_ptr<train::Collective>> collective =
        train::Collective::connect(world.settings);
    if (!collective) throw ExitError(collective.error().message);
    world.collective = collective.value();
    return world;
}

}  // namespace mtrec::cli
