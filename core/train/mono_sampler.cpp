#include "train/mono_sampler.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "train/sampler_state.h"

namespace mtrec::train {
namespace {

const char* const kStrategy = "mono";

std::vector<data::LanguagePair> monolingualOf(const data::PairPool& pool) {
    std::vector<data::LanguagePair> languages = pool.monolingualPairs();
    if (languages.empty())
        throw std::invalid_argument("mono sampler: the training data has no monolingual pairs");
    return languages;
}

}  // namespace

MonoSampler::MonoSampler(const data::PairPool& pool, std::size_t batchSize,
                         LanguageWeighting weighting, std::uint64_t seed)
    : batchSize_(batchSize), pools_(pool, monolingualOf(pool), weighting), random_(seed) {
    if (batchSize_ < 2) throw std::invalid_argument("mono sampler: batch size must be >= 2");
}

Batch MonoSampler::next() {
    const std::size_t pool = pools_.pickPool(random_);
    const data::LanguagePair& languages = pools_.languages(pool);
    Batch batch;
    batch.kind = BatchKind{kStrategy, "", languages.query, languages.passage, 1.0};
    batch.pairs.reserve(batchSize_);
    GroupSet used;
    pools_.fillFromPool(pool, batchSize_, used, random_, batch.pairs);
    return batch;
}

nlohmann::json MonoSampler::state() const {
    return poolSamplerState(kStrategy, random_, pools_);
}

void MonoSampler::restore(const nlohmann::json& state) {
    restorePoolSamplerState(kStrategy, state, pools_, random_);
}

std::size_t MonoSampler::batchesPerEpoch() const {
    return (pairCount() + batchSize_ - 1) / batchSize_;
}

}  // namespace mtrec::train
