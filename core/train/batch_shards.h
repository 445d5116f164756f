#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "train/batch_sampler.h"

namespace mtrec::train {

/// How one global batch is divided among the ranks of a data-parallel training: rank r takes a
/// contiguous run of the pairs and a contiguous run of the batch's hard negatives (both in batch
/// order), the counts differing by at most one between ranks, the larger shares first. Putting the
/// ranks' shares back together in rank order gives the global batch's order.
struct BatchShards {
    std::vector<std::int64_t> pairs;      ///< per rank
    std::vector<std::int64_t> negatives;  ///< per rank

    /// Throws std::invalid_argument when ranks < 1.
    static BatchShards divide(std::int64_t pairs, std::int64_t negatives, int ranks);

    std::int64_t pairOffset(int rank) const;
    std::int64_t negativeOffset(int rank) const;
};

/// Rank `rank`'s part of `batch`: its pairs (same kind) and its share of the global batch's hard
/// negatives (batchHardNegatives of the whole batch, so the rule that drops a negative equal to any
/// positive sees every pair).
struct BatchShard {
    Batch batch;
    std::vector<std::string> hardNegatives;
};

BatchShard shardOf(const Batch& batch, const std::vector<std::string>& globalNegatives,
                   const BatchShards& shards, int rank);

}  // namespace mtrec::train
