#pragma once

#include <cstddef>
#include <memory>

#include "train/world_settings.h"

namespace CLI {
class App;
}
namespace mtrec::train {
class Collective;
}

namespace mtrec::cli {

/// --rank, --world-size, --master and --dist-timeout on a training command. Unset, they come from
/// torchrun's or Slurm's variables (train::resolveWorld).
void addWorldOptions(CLI::App& command, train::WorldFlags& flags);

/// This process's place in a data-parallel training.
struct World {
    train::WorldSettings settings;
    std::shared_ptr<train::Collective> collective;  ///< null for one process

    bool joins() const { return collective && !settings.leader(); }  ///< a rank other than 0
    /// The intra-op threads of this process when the user gave none (0: the config's): the host's
    /// cores shared among the processes on it.
    std::size_t defaultThreads() const;
};

/// Resolves the world and, for more than one process, meets the others. Throws ExitError with the
/// resolver's or the rendezvous's message.
World joinWorld(const train::WorldFlags& flags);

}  // namespace mtrec::cli
