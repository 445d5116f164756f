#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "data/pair_pool.h"
#include "train/sampler_random.h"
#include "train/strategy_spec.h"

namespace mtrec::train {

/// The group ids already in the batch being filled (views of the pairs' own strings).
using GroupSet = std::unordered_set<std::string_view>;

/// Some language pools of a PairPool, each read in a shuffled order without replacement and
/// reshuffled when used up (the epoch rule of BatchSampler), with the weights a pool is drawn by.
/// All randomness comes from the SamplerRandom the caller passes, so the caller's state plus
/// this object's state() decide everything. Borrows the PairPool.
class PoolSet {
public:
    /// Throws std::invalid_argument when `languages` is empty or names an empty pool.
    PoolSet(const data::PairPool& pool, std::vector<data::LanguagePair> languages,
            LanguageWeighting weighting);

    std::size_t poolCount() const { return streams_.size(); }
    std::size_t pairCount() const;
    std::size_t pairCount(std::size_t pool) const { return streams_[pool].pairs->size(); }
    const data::LanguagePair& languages(std::size_t pool) const { return languages_[pool]; }

    /// A pool drawn by the weighting (uniform, or by size).
    std::size_t pickPool(SamplerRandom& random) const;

    /// Appends up to `count` pairs of pool `pool` whose groups are not in `used` (adding them).
    /// Returns how many were added: fewer only when the pool has no other free group.
    std::size_t fillFromPool(std::size_t pool, std::size_t count, GroupSet& used,
                             SamplerRandom& random, std::vector<const data::TrainingPair*>& out);

    /// Appends up to `count` pairs, each from a pool drawn anew; a draw that finds no free group
    /// in its pool is repeated (up to 16 × poolCount() times per pair) before giving up.
    std::size_t fillPerPair(std::size_t count, GroupSet& used, SamplerRandom& random,
                            std::vector<const data::TrainingPair*>& out);

    nlohmann::json state() const;
    /// Throws std::invalid_argument when `state` does not fit these pools.
    void restore(const nlohmann::json& state);

private:
    /// One pool's reading order: order_[cursor..] is what is left of the current epoch.
    struct Stream {
        const std::vector<data::TrainingPair>* pairs = nullptr;
        std::vector<std::uint32_t> order;
        std::size_t cursor = 0;
        std::uint64_t epoch = 0;  ///< completed shuffles
    };

    const data::TrainingPair* take(Stream& stream, const GroupSet& used, SamplerRandom& random);

    std::vector<data::LanguagePair> languages_;
    std::vector<Stream> streams_;
    std::vector<double> weights_;
};

}  // namespace mtrec::train
