#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "data/pair_pool.h"
#include "train/batch_sampler.h"
#include "train/pool_set.h"
#include "train/sampler_random.h"
#include "train/strategy_spec.h"

namespace mtrec::train {

struct MixedOptions {
    std::size_t batchSize = 32;
    /// Share of monolingual pairs in every batch; nullopt: |mono| / (|mono| + |cross|).
    std::optional<double> alpha = 0.5;
    LanguageWeighting weighting = LanguageWeighting::Uniform;
    /// The monolingual pairs of a batch all from one language drawn per batch (by `weighting`).
    bool monoOneLanguage = false;
};

/// `mixed` (the control for batch homogeneity): every batch mixes monolingual and cross-lingual
/// pairs, alpha of them monolingual. Batch k holds m_k = round(alpha·B·(k+1)) − round(alpha·B·k)
/// monolingual pairs (round half up), so each batch is within one pair of alpha·B and the first k
/// batches together hold exactly round(alpha·B·k): B = 100, alpha = 0.3 gives 30 in every batch.
/// Each pair's language (pair) is drawn anew (uniformly over the pools, or by size), except with
/// monoOneLanguage, where one language is drawn per batch for all its monolingual pairs. The mono
/// pairs come first in the batch. Kind {branch "mixed", languages "*"}.
class MixedSampler : public BatchSampler {
public:
    /// Throws std::invalid_argument when alpha is outside [0, 1], batchSize < 2, a part that is
    /// asked for (alpha > 0: mono, alpha < 1: cross) has no pairs, or (monoOneLanguage) a
    /// language has fewer pairs than the mono part of a batch.
    MixedSampler(const data::PairPool& pool, const MixedOptions& options, std::uint64_t seed);

    Batch next() override;
    nlohmann::json state() const override;
    void restore(const nlohmann::json& state) override;
    std::size_t pairCount() const override;
    std::size_t batchesPerEpoch() const override;

    double alpha() const { return alpha_; }
    /// Monolingual pairs asked of batch k (0-based).
    std::size_t monoPairsOfBatch(std::uint64_t k) const;

private:
    void addMonoPairs(std::size_t count, GroupSet& used, Batch& batch);

    std::size_t batchSize_;
    double alpha_;
    bool monoOneLanguage_;
    std::optional<PoolSet> mono_;
    std::optional<PoolSet> cross_;
    SamplerRandom random_;
    std::uint64_t batchIndex_ = 0;
};

}  // namespace mtrec::train
