// How a global batch is divided among ranks: contiguous shares differing by at most one, the larger
// first, hard negatives divided on their own, and the shares in rank order giving the batch back.
#include <gtest/gtest.h>

#include <stdexcept>

#include "train/batch_shards.h"

namespace mtrec::train {
namespace {

TEST(BatchShards, DividesPairsAndNegativesEvenly) {
    const BatchShards shards = BatchShards::divide(10, 3, 4);
    EXPECT_EQ(shards.pairs, (std::vector<std::int64_t>{3, 3, 2, 2}));
    EXPECT_EQ(shards.negatives, (std::vector<std::int64_t>{1, 1, 1, 0}));
    EXPECT_EQ(shards.pairOffset(0), 0);
    EXPECT_EQ(shards.pairOffset(2), 6);
    EXPECT_EQ(shards.negativeOffset(3), 3);
    EXPECT_THROW(BatchShards::divide(4, 0, 0), std::invalid_argument);
}

TEST(BatchShards, SharesInRankOrderAreTheBatch) {
    std::vector<data::TrainingPair> pairs(7);
    Batch batch;
    batch.kind.branch = "mono";
    for (data::TrainingPair& pair : pairs) batch.pairs.push_back(&pair);
    const std::vector<std::string> negatives = {"n0", "n1", "n2"};
    const BatchShards shards = BatchShards::divide(7, 3, 2);
    std::vector<const data::TrainingPair*> joined;
    std::vector<std::string> joinedNegatives;
    for (int rank = 0; rank < 2; ++rank) {
        const BatchShard shard = shardOf(batch, negatives, shards, rank);
        EXPECT_EQ(shard.batch.kind.branch, "mono");
        joined.insert(joined.end(), shard.batch.pairs.begin(), shard.batch.pairs.end());
        joinedNegatives.insert(joinedNegatives.end(), shard.hardNegatives.begin(),
                               shard.hardNegatives.end());
    }
    EXPECT_EQ(joined, batch.pairs);
    EXPECT_EQ(joinedNegatives, negatives);
    EXPECT_EQ(shardOf(batch, negatives, shards, 1).batch.pairs.size(), 3u);
}

}  // namespace
}  // namespace mtrec::train
