#pragma once

#include <cstddef>
#include <cstdint>

#include "data/pair_pool.h"
#include "train/batch_sampler.h"
#include "train/pool_set.h"
#include "train/sampler_random.h"
#include "train/strategy_spec.h"

namespace mtrec::train {

/// `mono` (the paper's X-X-mono): every batch holds monolingual pairs of one language X, with X
/// drawn per batch uniformly over the languages that have monolingual pairs (or in proportion to
/// their number of pairs). Kind: {branch "mono", queryLang = candidateLang = X}. A language with
/// fewer pairs than the batch size gives batches of all its pairs. Borrows the pool.
class MonoSampler : public BatchSampler {
public:
    /// Throws std::invalid_argument when the pool has no monolingual pairs or batchSize < 2.
    MonoSampler(const data::PairPool& pool, std::size_t batchSize, LanguageWeighting weighting,
                std::uint64_t seed);

    Batch next() override;
    nlohmann::json state() const override;
    void restore(const nlohmann::json& state) override;
    std::size_t pairCount() const override { return pools_.pairCount(); }
    std::size_t batchesPerEpoch() const override;

private:
    std::size_t batchSize_;
    PoolSet pools_;
    SamplerRandom random_;
};

}  // namespace mtrec::train
