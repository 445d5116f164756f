#include "train/mixed_sampler.h"

#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "train/hybrid_sampler.h"
#include "train/sampler_state.h"

namespace mtrec::train {
namespace {

const char* const kStrategy = "mixed";

double checkedAlpha(const data::PairPool& pool, const std::optional<double>& alpha) {
    const double value = alpha ? *alpha : sizeAlpha(pool);
    if (!(value >= 0.0 && value <= 1.0))
        throw std::invalid_argument("mixed sampler: alpha must be in [0, 1]");
    return value;
}

/// The most monolingual pairs any batch asks for: ceil(alpha·B), by the rounding of
/// monoPairsOfBatch.
std::size_t monoPairsAtMost(double alpha, std::size_t batchSize) {
    return static_cast<std::size_t>(std::ceil(alpha * double(batchSize)));
}

void checkPoolsHoldTheMonoPart(const PoolSet& mono, std::size_t pairs) {
    for (std::size_t p = 0; p < mono.poolCount(); ++p)
        if (mono.pairCount(p) < pairs)
            throw std::invalid_argument(
                "mixed sampler: language '" + mono.languages(p).query + "' has " +
                std::to_string(mono.pairCount(p)) + " pairs, fewer than the " +
                std::to_string(pairs) + " monolingual pairs a batch takes from one language");
}

}  // namespace

MixedSampler::MixedSampler(const data::PairPool& pool, const MixedOptions& options,
                           std::uint64_t seed)
    : batchSize_(options.batchSize),
      alpha_(checkedAlpha(pool, options.alpha)),
      monoOneLanguage_(options.monoOneLanguage),
      random_(seed) {
    if (batchSize_ < 2) throw std::invalid_argument("mixed sampler: batch size must be >= 2");
    if (alpha_ > 0.0) {
        if (pool.monolingualPairs().empty())
            throw std::invalid_argument("mixed sampler: no monolingual pairs");
        mono_.emplace(pool, pool.monolingualPairs(), options.weighting);
        if (monoOneLanguage_) checkPoolsHoldTheMonoPart(*mono_, monoPairsAtMost(alpha_, batchSize_));
    }
    if (alpha_ < 1.0) {
        if (pool.crossLingualPairs().empty())
            throw std::invalid_argument("mixed sampler: no cross-lingual pairs");
        cross_.emplace(pool, pool.crossLingualPairs(), options.weighting);
    }
}

std::size_t MixedSampler::monoPairsOfBatch(std::uint64_t k) const {
    const double perBatch = alpha_ * double(batchSize_);
    const auto upTo = [&](std::uint64_t batches) {
        return static_cast<std::size_t>(std::floor(perBatch * double(batches) + 0.5));
    };
    return upTo(k + 1) - upTo(k);
}

Batch MixedSampler::next() {
    const std::size_t monoPairs = monoPairsOfBatch(batchIndex_++);
    Batch batch;
    batch.kind = BatchKind{kStrategy, "", kAnyLanguage, kAnyLanguage, 1.0};
    batch.pairs.reserve(batchSize_);
    GroupSet used;
    if (monoPairs > 0) addMonoPairs(monoPairs, used, batch);
    if (monoPairs < batchSize_)
        cross_->fillPerPair(batchSize_ - monoPairs, used, random_, batch.pairs);
    return batch;
}

void MixedSampler::addMonoPairs(std::size_t count, GroupSet& used, Batch& batch) {
    if (!monoOneLanguage_) {
        mono_->fillPerPair(count, used, random_, batch.pairs);
        return;
    }
    // Groups are still free: the mono part comes first and one pool holds one pair per group.
    mono_->fillFromPool(mono_->pickPool(random_), count, used, random_, batch.pairs);
}

nlohmann::json MixedSampler::state() const {
    return {{"strategy", kStrategy},
            {"random", random_.state()},
            {"batch", batchIndex_},
            {"mono", mono_ ? mono_->state() : nlohmann::json()},
            {"cross", cross_ ? cross_->state() : nlohmann::json()}};
}

void MixedSampler::restore(const nlohmann::json& state) {
    restoreSamplerState(kStrategy, state, [&] {
        std::optional<PoolSet> mono = mono_;
        std::optional<PoolSet> cross = cross_;
        if (mono) mono->restore(state.at("mono"));
        if (cross) cross->restore(state.at("cross"));
        SamplerRandom random = random_;
        random.restore(state.at("random").get<std::string>());
        const auto batchIndex = state.at("batch").get<std::uint64_t>();
        mono_ = std::move(mono);
        cross_ = std::move(cross);
        random_ = random;
        batchIndex_ = batchIndex;
    });
}

std::size_t MixedSampler::pairCount() const {
    return (mono_ ? mono_->pairCount() : 0) + (cross_ ? cross_->pairCount() : 0);
}

std::size_t MixedSampler::batchesPerEpoch() const {
    return (pairCount() + batchSize_ - 1) / batchSize_;
}

}  // namespace mtrec::train
