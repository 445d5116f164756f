#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "data/pair_pool.h"
#include "train/batch_sampler.h"
#include "train/cross_sampler.h"
#include "train/mono_sampler.h"
#include "train/sampler_random.h"

namespace mtrec::train {

struct HybridOptions {
    std::size_t batchSize = 32;
    /// Probability of a mono batch; nullopt: |mono pairs| / (|mono| + |cross|) ("size").
    std::optional<double> alpha = 0.5;
    LanguageWeighting weighting = LanguageWeighting::Uniform;  ///< for both branches
    bool crossPairPerBatch = false;
};

/// `hybrid` (the paper's method): each batch is a `mono` batch with probability alpha and a
/// `cross` batch otherwise, decided by a coin of its own; the two branches are a MonoSampler and a
/// CrossSampler with seeds derived from the seed, each keeping its own epochs. A branch with
/// probability 0 is not built (so alpha = 1 needs no cross pairs). Batch kinds are the branches'.
class HybridSampler : public BatchSampler {
public:
    /// Throws std::invalid_argument when alpha is outside [0, 1] or a branch that can be drawn
    /// has no pairs.
    HybridSampler(const data::PairPool& pool, const HybridOptions& options, std::uint64_t seed);

    Batch next() override;
    nlohmann::json state() const override;
    void restore(const nlohmann::json& state) override;
    std::size_t pairCount() const override;
    std::size_t batchesPerEpoch() const override;

    /// The probability of a mono batch in use (alpha, or the size ratio).
    double alpha() const { return alpha_; }

private:
    std::size_t batchSize_;
    double alpha_;
    std::optional<MonoSampler> mono_;
    std::optional<CrossSampler> cross_;
    SamplerRandom random_;
};

/// |mono| / (|mono| + |cross|) of a pool; 0 for an empty pool.
double sizeAlpha(const data::PairPool& pool);

}  // namespace mtrec::train
