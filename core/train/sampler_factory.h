#pragma once

#include <cstdint>
#include <memory>

#include "data/pair_pool.h"
#include "train/batch_sampler.h"
#include "train/strategy_spec.h"

namespace mtrec::train {

/// The pools a strategy draws from. `qa` holds the mono and cross QA pairs; `translation` the
/// parallel-sentence pairs of the translation-ranking task (multitask only; may be null). Both must
/// outlive the sampler and stay unchanged.
struct SamplerPools {
    const data::PairPool* qa = nullptr;
    const data::PairPool* translation = nullptr;
};

/// Builds the sampler `spec` names, seeded with `seed`. Throws std::invalid_argument when the
/// pools cannot serve the strategy (no mono pairs for `mono`, no cross pairs for `cross`, a
/// translation task without translation pairs, ...): the training config reports those as problems
/// before a sampler is built.
std::unique_ptr<BatchSampler> makeSampler(const StrategySpec& spec, const SamplerPools& pools,
                                          std::uint64_t seed);

}  // namespace mtrec::train
