#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "data/pair_pool.h"
#include "train/batch_sampler.h"
#include "train/pool_set.h"
#include "train/sampler_random.h"
#include "train/strategy_spec.h"

namespace mtrec::train {

struct CrossOptions {
    std::size_t batchSize = 32;
    LanguageWeighting weighting = LanguageWeighting::Uniform;
    /// One (X, Y) drawn per batch instead of one per pair.
    bool pairPerBatch = false;
    /// The language pools to draw from; empty: every cross-lingual pool (X != Y) of the pool.
    /// (The translation-ranking task passes its parallel-sentence pools here.)
    std::vector<data::LanguagePair> languages;
};

/// `cross` (the paper's X-Y): every pair of a batch is cross-lingual. By default the language
/// pair (X, Y) is drawn anew for every pair, uniformly over the non-empty (X, Y) pools (or by
/// size) — kind {branch "cross", languages "*"}; with pairPerBatch one (X, Y) serves the whole
/// batch — kind {branch "cross", X, Y}. Parallel versions of one question (one group) never share
/// a batch. Borrows the pool.
class CrossSampler : public BatchSampler {
public:
    /// Throws std::invalid_argument when there is no pool to draw from or batchSize < 2.
    CrossSampler(const data::PairPool& pool, CrossOptions options, std::uint64_t seed);

    Batch next() override;
    nlohmann::json state() const override;
    void restore(const nlohmann::json& state) override;
    std::size_t pairCount() const override { return pools_.pairCount(); }
    std::size_t batchesPerEpoch() const override;

private:
    std::size_t batchSize_;
    bool pairPerBatch_;
    PoolSet pools_;
    SamplerRandom random_;
};

}  // namespace mtrec::train
