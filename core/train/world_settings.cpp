#include "train/world_settings.h"

#include <cerrno>
#include <cstdlib>
#include <limits>

namespace mtrec::train {
namespace {

/// A whole number in [low, high] read from `text`, or an Error naming `name`.
Result<long> wholeNumber(const std::string& name, const std::string& text, long low, long high) {
    errno = 0;
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE)
        return Error{name + "=" + text + ": not a whole number"};
    if (value < low || value > high)
        return Error{name + "=" + text + ": must be between " + std::to_string(low) + " and " +
                     std::to_string(high)};
    return value;
}

/// The value of the first of `names` that is set, with the name it came from.
struct Found {
    std::string name;
    std::string value;
};

std::optional<Found> firstSet(const EnvironmentLookup& environment,
                              std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (const char* value = environment(name); value && *value) return Found{name, value};
    return std::nullopt;
}

/// Sets `target` from the flag, else from the first variable of `names` that is set.
Status readInt(const std::optional<int>& flag, const char* flagName, const EnvironmentLookup& env,
               std::initializer_list<const char*> names, long low, long high, int& target) {
    if (flag) {
        Result<long> checked = wholeNumber(flagName, std::to_string(*flag), low, high);
        if (!checked) return checked.error();
        target = *flag;
        return success();
    }
    if (std::optional<Found> found = firstSet(env, names)) {
        Result<long> value = wholeNumber(found->name, found->value, low, high);
        if (!value) return value.error();
        target = static_cast<int>(value.value());
    }
    return success();
}

/// "host:port" or "host" (the port stays as it is).
Status readMaster(const std::string& text, WorldSettings& world) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos) {
        world.masterAddress = text;
        return success();
    }
    Result<long> port = wholeNumber("--master port", text.substr(colon + 1), 1, 65535);
    if (!port) return port.error();
    world.masterAddress = text.substr(0, colon);
    world.masterPort = static_cast<std::uint16_t>(port.value());
    if (world.masterAddress.empty()) return Error{"--master=" + text + ": no host before the port"};
    return success();
}

}  // namespace

Result<WorldSettings> resolveWorld(const WorldFlags& flags, const EnvironmentLookup& env) {
    constexpr long kMaxWorld = 1 << 20;
    WorldSettings world;
    if (Status read = readInt(flags.worldSize, "--world-size", env, {"WORLD_SIZE", "SLURM_NTASKS"},
                              1, kMaxWorld, world.worldSize);
        !read)
        return read.error();
    if (Status read = readInt(flags.rank, "--rank", env, {"RANK", "SLURM_PROCID"}, 0,
                              kMaxWorld - 1, world.rank);
        !read)
        return read.error();
    if (world.rank >= world.worldSize)
        return Error{"rank " + std::to_string(world.rank) + " is outside a world of " +
                     std::to_string(world.worldSize) +
                     " processes (ranks count from 0); check --rank/RANK and "
                     "--world-size/WORLD_SIZE"};
    if (Status read = readInt(std::nullopt, "", env, {"LOCAL_RANK", "SLURM_LOCALID"}, 0,
                              kMaxWorld - 1, world.localRank);
        !read)
        return read.error();
    world.localWorldSize = world.worldSize;
    if (Status read = readInt(std::nullopt, "", env, {"LOCAL_WORLD_SIZE"}, 1, kMaxWorld,
                              world.localWorldSize);
        !read)
        return read.error();
    if (!firstSet(env, {"LOCAL_WORLD_SIZE"}))
        if (std::optional<Found> perNode = firstSet(env, {"SLURM_NTASKS_PER_NODE"})) {
            // Slurm writes "4" or "4(x2)"; the count before any parenthesis is this node's.
            const std::string count = perNode->value.substr(0, perNode->value.find('('));
            Result<long> value = wholeNumber(perNode->name, count, 1, kMaxWorld);
            if (!value) return value.error();
            world.localWorldSize = static_cast<int>(value.value());
        }
    int timeout = static_cast<int>(world.timeout.count());
    if (Status read = readInt(flags.timeoutSeconds, "--dist-timeout", env, {"MTREC_DIST_TIMEOUT"},
                              1, 7 * 24 * 3600, timeout);
        !read)
        return read.error();
    world.timeout = std::chrono::seconds(timeout);
    if (flags.backend)
        world.backend = *flags.backend;
    else if (const char* backend = env("MTREC_DIST_BACKEND"); backend && *backend)
        world.backend = backend;
    if (world.backend != "gloo" && world.backend != "nccl")
        return Error{(flags.backend ? "--dist-backend=" : "MTREC_DIST_BACKEND=") + world.backend +
                     ": expected gloo or nccl"};
    if (!world.distributed()) return world;
    if (const char* agent = env("TORCHELASTIC_USE_AGENT_STORE"))
        world.agentStore = std::string(agent) == "True";
    if (Status read = readInt(std::nullopt, "", env, {"TORCHELASTIC_RESTART_COUNT"}, 0, kMaxWorld,
                              world.restartCount);
        !read)
        return read.error();

    if (flags.master) {
        if (Status read = readMaster(*flags.master, world); !read) return read.error();
        return world;
    }
    const std::optional<Found> address = firstSet(env, {"MASTER_ADDR"});
    if (!address)
        return Error{"a world of " + std::to_string(world.worldSize) +
                     " processes needs a rendezvous address: set MASTER_ADDR (torchrun does; "
                     "under Slurm use the first host of the allocation) or pass --master HOST:PORT"};
    world.masterAddress = address->value;
    int port = world.masterPort;
    if (Status read = readInt(std::nullopt, "", env, {"MASTER_PORT"}, 1, 65535, port); !read)
        return read.error();
    world.masterPort = static_cast<std::uint16_t>(port);
    return world;
}

Result<WorldSettings> resolveWorld(const WorldFlags& flags) {
    return resolveWorld(flags, [](const char* name) { return std::getenv(name); });
}

}  // namespace mtrec::train
