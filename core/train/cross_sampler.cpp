#include "train/cross_sampler.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "train/sampler_state.h"

namespace mtrec::train {
namespace {

const char* const kStrategy = "cross";

std::vector<data::LanguagePair> poolsOf(const data::PairPool& pool,
                                        std::vector<data::LanguagePair> languages) {
    if (languages.empty()) languages = pool.crossLingualPairs();
    if (languages.empty())
        throw std::invalid_argument(
            "cross sampler: the training data has no cross-lingual pairs (one language only?)");
    return languages;
}

}  // namespace

CrossSampler::CrossSampler(const data::PairPool& pool, CrossOptions options, std::uint64_t seed)
    : batchSize_(options.batchSize),
      pairPerBatch_(options.pairPerBatch),
      pools_(pool, poolsOf(pool, std::move(options.languages)), options.weighting),
      random_(seed) {
    if (batchSize_ < 2) throw std::invalid_argument("cross sampler: batch size must be >= 2");
}

Batch CrossSampler::next() {
    Batch batch;
    batch.pairs.reserve(batchSize_);
    GroupSet used;
    if (pairPerBatch_) {
        const std::size_t pool = pools_.pickPool(random_);
        const data::LanguagePair& languages = pools_.languages(pool);
        batch.kind = BatchKind{kStrategy, "", languages.query, languages.passage, 1.0};
        pools_.fillFromPool(pool, batchSize_, used, random_, batch.pairs);
    } else {
        batch.kind = BatchKind{kStrategy, "", kAnyLanguage, kAnyLanguage, 1.0};
        pools_.fillPerPair(batchSize_, used, random_, batch.pairs);
    }
    return batch;
}

nlohmann::json CrossSampler::state() const {
    return poolSamplerState(kStrategy, random_, pools_);
}

void CrossSampler::restore(const nlohmann::json& state) {
    restorePoolSamplerState(kStrategy, state, pools_, random_);
}

std::size_t CrossSampler::batchesPerEpoch() const {
    return (pairCount() + batchSize_ - 1) / batchSize_;
}

}  // namespace mtrec::train
