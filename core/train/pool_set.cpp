#include "train/pool_set.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace mtrec::train {
namespace {

/// Whether `order` holds each of 0..n-1 exactly once.
bool isPermutation(const std::vector<std::uint32_t>& order, std::size_t n) {
    if (order.size() != n) return false;
    std::vector<bool> seen(n, false);
    for (std::uint32_t index : order) {
        if (index >= n || seen[index]) return false;
        seen[index] = true;
    }
    return true;
}

}  // namespace

PoolSet::PoolSet(const data::PairPool& pool, std::vector<data::LanguagePair> languages,
                 LanguageWeighting weighting)
    : languages_(std::move(languages)) {
    if (languages_.empty()) throw std::invalid_argument("PoolSet: no language pools");
    for (const data::LanguagePair& pair : languages_) {
        const std::vector<data::TrainingPair>& pairs = pool.pairs(pair);
        if (pairs.empty()) throw std::invalid_argument("PoolSet: no pairs for " + pair.label());
        Stream stream;
        stream.pairs = &pairs;
        stream.order.resize(pairs.size());
        std::iota(stream.order.begin(), stream.order.end(), 0u);
        stream.cursor = pairs.size();  // the first take() shuffles: epoch 1 begins
        streams_.push_back(std::move(stream));
        weights_.push_back(weighting == LanguageWeighting::Size ? double(pairs.size()) : 1.0);
    }
}

std::size_t PoolSet::pairCount() const {
    std::size_t count = 0;
    for (const Stream& stream : streams_) count += stream.pairs->size();
    return count;
}

std::size_t PoolSet::pickPool(SamplerRandom& random) const {
    return streams_.size() == 1 ? 0 : random.weighted(weights_);
}

const data::TrainingPair* PoolSet::take(Stream& stream, const GroupSet& used,
                                        SamplerRandom& random) {
    const auto free = [&](std::uint32_t index) {
        return used.count((*stream.pairs)[index].groupId) == 0;
    };
    for (int pass = 0; pass < 2; ++pass) {
        if (stream.cursor == stream.order.size()) {
            random.shuffle(stream.order);
            stream.cursor = 0;
            ++stream.epoch;
        }
        for (std::size_t k = stream.cursor; k < stream.order.size(); ++k)
            if (free(stream.order[k])) {
                // Bring it forward; the clashing pairs it jumps stay in this epoch, postponed.
                std::swap(stream.order[stream.cursor], stream.order[k]);
                return &(*stream.pairs)[stream.order[stream.cursor++]];
            }
        if (stream.cursor == 0) return nullptr;  // a fresh epoch with nothing free: all used
        stream.cursor = stream.order.size();     // the rest of this epoch all clashes: next one
    }
    return nullptr;
}

std::size_t PoolSet::fillFromPool(std::size_t pool, std::size_t count, GroupSet& used,
                                  SamplerRandom& random,
                                  std::vector<const data::TrainingPair*>& out) {
    std::size_t added = 0;
    for (; added < count; ++added) {
        const data::TrainingPair* pair = take(streams_.at(pool), used, random);
        if (!pair) break;
        used.insert(pair->groupId);
        out.push_back(pair);
    }
    return added;
}

std::size_t PoolSet::fillPerPair(std::size_t count, GroupSet& used, SamplerRandom& random,
                                 std::vector<const data::TrainingPair*>& out) {
    const std::size_t maxAttempts = 16 * streams_.size();
    std::size_t added = 0;
    while (added < count) {
        const data::TrainingPair* pair = nullptr;
        for (std::size_t attempt = 0; !pair && attempt < maxAttempts; ++attempt)
            pair = take(streams_[pickPool(random)], used, random);
        if (!pair) break;
        used.insert(pair->groupId);
        out.push_back(pair);
        ++added;
    }
    return added;
}

nlohmann::json PoolSet::state() const {
    nlohmann::json streams = nlohmann::json::array();
    for (std::size_t i = 0; i < streams_.size(); ++i)
        streams.push_back({{"languages", languages_[i].label()},
                           {"order", streams_[i].order},
                           {"cursor", streams_[i].cursor},
                           {"epoch", streams_[i].epoch}});
    return streams;
}

void PoolSet::restore(const nlohmann::json& state) {
    if (!state.is_array() || state.size() != streams_.size())
        throw std::invalid_argument("sampler state: expected " + std::to_string(streams_.size()) +
                                    " language pools");
    std::vector<Stream> restored = streams_;
    for (std::size_t i = 0; i < streams_.size(); ++i) {
        const nlohmann::json& entry = state[i];
        Stream& stream = restored[i];
        if (entry.at("languages").get<std::string>() != languages_[i].label())
            throw std::invalid_argument("sampler state: pool " + std::to_string(i) + " is " +
                                        entry.at("languages").get<std::string>() + ", not " +
                                        languages_[i].label());
        stream.order = entry.at("order").get<std::vector<std::uint32_t>>();
        stream.cursor = entry.at("cursor").get<std::size_t>();
        stream.epoch = entry.at("epoch").get<std::uint64_t>();
        if (!isPermutation(stream.order, stream.pairs->size()) ||
            stream.cursor > stream.order.size())
            throw std::invalid_argument("sampler state: pool " + languages_[i].label() +
                                        " does not hold " + std::to_string(stream.pairs->size()) +
                                        " pairs as saved");
    }
    streams_ = std::move(restored);
}

}  // namespace mtrec::train
