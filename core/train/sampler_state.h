#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "train/pool_set.h"
#include "train/sampler_random.h"

namespace mtrec::train {

/// Runs `body`, which reads a sampler state saved by `strategy`'s state(), turning a state of
/// another strategy and any JSON shape error into std::invalid_argument naming the strategy. The
/// saved state must be an object whose "strategy" is `strategy`.
template <typename Body>
void restoreSamplerState(const char* strategy, const nlohmann::json& state, Body&& body) {
    const std::string prefix = std::string("sampler state (") + strategy + "): ";
    if (!state.is_object()) throw std::invalid_argument(prefix + "not a JSON object");
    const auto saved = state.find("strategy");
    if (saved == state.end() || *saved != nlohmann::json(strategy))
        throw std::invalid_argument(prefix + "saved by another strategy (" +
                                    (saved == state.end() ? "none" : saved->dump()) + ")");
    try {
        body();
    } catch (const nlohmann::json::exception& error) {
        throw std::invalid_argument(prefix + error.what());
    }
}

/// The state of a sampler that draws from one PoolSet with one SamplerRandom (mono, cross).
inline nlohmann::json poolSamplerState(const char* strategy, const SamplerRandom& random,
                                       const PoolSet& pools) {
    return {{"strategy", strategy}, {"random", random.state()}, {"pools", pools.state()}};
}

/// Restores a poolSamplerState() into `pools` and `random`, all or nothing: on an error (thrown as
/// by restoreSamplerState) both are left unchanged.
inline void restorePoolSamplerState(const char* strategy, const nlohmann::json& state,
                                    PoolSet& pools, SamplerRandom& random) {
    restoreSamplerState(strategy, state, [&] {
        PoolSet restoredPools = pools;
        restoredPools.restore(state.at("pools"));
        SamplerRandom restoredRandom = random;
        restoredRandom.restore(state.at("random").get<std::string>());
        pools = std::move(restoredPools);
        random = restoredRandom;
    });
}

}  // namespace mtrec::train
