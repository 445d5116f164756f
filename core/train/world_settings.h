#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/result.h"

namespace mtrec::train {

/// Where this process stands in a data-parallel training: its rank among worldSize processes and
/// the rendezvous every process meets at (rank 0 hosts it). One process is worldSize 1.
struct WorldSettings {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;       ///< rank among the processes of this host
    int localWorldSize = 1;  ///< processes on this host (they share its cores)
    std::string masterAddress = "127.0.0.1";
    std::uint16_t masterPort = 29500;
    /// How long any collective, and the rendezvous, may wait for the other processes before the
    /// run ends interrupted.
    std::chrono::seconds timeout{300};
    /// torchrun's agent already hosts the key-value store at the master address
    /// (TORCHELASTIC_USE_AGENT_STORE): every rank joins it as a client, under the keys of this
    /// restart (TORCHELASTIC_RESTART_COUNT).
    bool agentStore = false;
    /// The c10d backend: "gloo" (CPU) or "nccl" (a CUDA build of LibTorch only).
    std::string backend = "gloo";
    int restartCount = 0;

    bool distributed() const { return worldSize > 1; }
    bool leader() const { return rank == 0; }
};

/// What the command line says of the world; each unset value comes from the environment.
struct WorldFlags {
    std::optional<int> rank;
    std::optional<int> worldSize;
    std::optional<std::string> master;  ///< "host:port" or "host"
    std::optional<int> timeoutSeconds;
    std::optional<std::string> backend;
};

/// Reads a variable of the environment; nullptr when unset.
using EnvironmentLookup = std::function<const char*(const char*)>;

/// The world of this process, from the flags, then the variables torchrun sets (RANK, WORLD_SIZE,
/// LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT), then Slurm's (SLURM_PROCID,
/// SLURM_NTASKS, SLURM_LOCALID, SLURM_NTASKS_PER_NODE; MASTER_ADDR must name the first host),
/// MTREC_DIST_TIMEOUT (seconds), MTREC_DIST_BACKEND (gloo or nccl), and torchrun's TORCHELASTIC_USE_AGENT_STORE and
/// TORCHELASTIC_RESTART_COUNT. None of them: one process. An Error names the flag or variable
/// whose value does not fit (not a number, a rank outside the world, no rendezvous address).
Result<WorldSettings> resolveWorld(const WorldFlags& flags, const EnvironmentLookup& environment);

/// resolveWorld over this process's environment.
Result<WorldSettings> resolveWorld(const WorldFlags& flags);

}  // namespace mtrec::train
