#include "train/batch_shards.h"

#include <numeric>
#include <stdexcept>

namespace mtrec::train {
namespace {

std::vector<std::int64_t> divideEvenly(std::int64_t count, int ranks) {
    std::vector<std::int64_t> shares(static_cast<std::size_t>(ranks), count / ranks);
    for (std::int64_t r = 0; r < count % ranks; ++r) ++shares[static_cast<std::size_t>(r)];
    return shares;
}

std::int64_t offsetOf(const std::vector<std::int64_t>& shares, int rank) {
    return std::accumulate(shares.begin(), shares.begin() + rank, std::int64_t{0});
}

}  // namespace

BatchShards BatchShards::divide(std::int64_t pairs, std::int64_t negatives, int ranks) {
    if (ranks < 1) throw std::invalid_argument("BatchShards: fewer than one rank");
    return {divideEvenly(pairs, ranks), divideEvenly(negatives, ranks)};
}

std::int64_t BatchShards::pairOffset(int rank) const {
    return offsetOf(pairs, rank);
}

std::int64_t BatchShards::negativeOffset(int rank) const {
    return offsetOf(negatives, rank);
}

BatchShard shardOf(const Batch& batch, const std::vector<std::string>& globalNegatives,
                   const BatchShards& shards, int rank) {
    const std::size_t r = static_cast<std::size_t>(rank);
    BatchShard shard;
    shard.batch.kind = batch.kind;
    const auto firstPair = batch.pairs.begin() + shards.pairOffset(rank);
    shard.batch.pairs.assign(firstPair, firstPair + shards.pairs[r]);
    const auto firstNegative = globalNegatives.begin() + shards.negativeOffset(rank);
    shard.hardNegatives.assign(firstNegative, firstNegative + shards.negatives[r]);
    return shard;
}

}  // namespace mtrec::train
