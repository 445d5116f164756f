#pragma once

#include <cstddef>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "data/training_pair.h"
#include "train/batch_kind.h"

namespace mtrec::train {

/// One training batch: pointers into the PairPool(s) the sampler was built on (valid while they
/// live), and what kind of batch it is. No two pairs of a batch share a groupId. A batch holds the
/// strategy's batch size, or fewer when the pool it is drawn from has fewer distinct groups.
struct Batch {
    std::vector<const data::TrainingPair*> pairs;
    BatchKind kind;
};

/// A batch strategy (DESIGN §2): an endless, seeded sequence of batches, each of one kind.
///
/// Epochs: every pool a sampler draws from (one per language pair, or per task) is read in a
/// shuffled order without replacement; when it is used up it is reshuffled and read again, so each
/// pool cycles through all its pairs once per its own epoch, independently of the others. A pair
/// whose group is already in the batch being filled is postponed to a later batch of the same epoch
/// (it only misses its epoch when every pair left in that epoch clashes with the batch).
///
/// Determinism: the sequence depends only on the pools (their content and order) and the seed.
/// state() captures everything that decides the rest of the sequence (random engines, shuffled
/// orders, read positions); restore() of that state on a sampler built over the same pools with the
/// same options continues with exactly the batches the original would have produced. restore()
/// throws std::invalid_argument when the state does not fit this sampler (another strategy,
/// other pools). Not thread-safe.
class BatchSampler {
public:
    virtual ~BatchSampler() = default;

    virtual Batch next() = 0;
    virtual nlohmann::json state() const = 0;
    virtual void restore(const nlohmann::json& state) = 0;

    /// How many pairs the strategy draws from (all its pools together).
    virtual std::size_t pairCount() const = 0;

    /// How many batches make one epoch: the pairs the strategy draws from divided by the batch
    /// size, rounded up (the trainer's "epochs" are counted in these).
    virtual std::size_t batchesPerEpoch() const = 0;
};

}  // namespace mtrec::train
