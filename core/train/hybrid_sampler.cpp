#include "train/hybrid_sampler.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "train/sampler_state.h"

namespace mtrec::train {
namespace {

const char* const kStrategy = "hybrid";

double checkedAlpha(const data::PairPool& pool, const std::optional<double>& alpha) {
    const double value = alpha ? *alpha : sizeAlpha(pool);
    if (!(value >= 0.0 && value <= 1.0))
        throw std::invalid_argument("hybrid sampler: alpha must be in [0, 1]");
    return value;
}

}  // namespace

double sizeAlpha(const data::PairPool& pool) {
    return pool.empty() ? 0.0 : double(pool.monolingualCount()) / double(pool.size());
}

HybridSampler::HybridSampler(const data::PairPool& pool, const HybridOptions& options,
                             std::uint64_t seed)
    : batchSize_(options.batchSize),
      alpha_(checkedAlpha(pool, options.alpha)),
      random_(deriveSeed(seed, 0)) {
    if (alpha_ > 0.0) mono_.emplace(pool, batchSize_, options.weighting, deriveSeed(seed, 1));
    if (alpha_ < 1.0)
        cross_.emplace(pool,
                       CrossOptions{batchSize_, options.weighting, options.crossPairPerBatch, {}},
                       deriveSeed(seed, 2));
}

Batch HybridSampler::next() {
    // chance(alpha) is never true for alpha = 0 and always for alpha = 1, so the branch drawn
    // always exists.
    return random_.chance(alpha_) ? mono_->next() : cross_->next();
}

nlohmann::json HybridSampler::state() const {
    return {{"strategy", kStrategy},
            {"random", random_.state()},
            {"mono", mono_ ? mono_->state() : nlohmann::json()},
            {"cross", cross_ ? cross_->state() : nlohmann::json()}};
}

void HybridSampler::restore(const nlohmann::json& state) {
    restoreSamplerState(kStrategy, state, [&] {
        std::optional<MonoSampler> mono = mono_;
        std::optional<CrossSampler> cross = cross_;
        if (mono) mono->restore(state.at("mono"));
        if (cross) cross->restore(state.at("cross"));
        SamplerRandom random = random_;
        random.restore(state.at("random").get<std::string>());
        mono_ = std::move(mono);
        cross_ = std::move(cross);
        random_ = random;
    });
}

std::size_t HybridSampler::pairCount() const {
    return (mono_ ? mono_->pairCount() : 0) + (cross_ ? cross_->pairCount() : 0);
}

std::size_t HybridSampler::batchesPerEpoch() const {
    return (pairCount() + batchSize_ - 1) / batchSize_;
}

}  // namespace mtrec::train
