#pragma once

#include <cstdint>
#include <vector>

#include "text/tensor_batch.h"
#include "train/batch_sampler.h"
#include "train/batch_shards.h"
#include "train/training_progress.h"

namespace mtrec::text {
class BatchEncoder;
}

namespace mtrec::train {

/// A batch tokenised for the encoder: queries with the Query prefix; passages with the Passage
/// prefix, followed (when hard negatives are asked for) by batchHardNegatives(batch). `passages`
/// has pairs + hardNegatives rows; each is padded to its own longest row. In a data-parallel
/// training they are this rank's share, and `shards` says how the global batch is divided.
struct BatchTensors {
    text::TensorBatch queries;
    text::TensorBatch passages;
    std::int64_t pairs = 0;
    std::int64_t hardNegatives = 0;
    BatchShards shards;  ///< empty for a single process
};

/// Tokenises `batch` (at least one pair). CPU tensors, owned; no autograd.
BatchTensors tokeniseBatch(const Batch& batch, const text::BatchEncoder& encoder,
                           bool withHardNegatives);

/// Tokenises rank `rank`'s share of `batch` (at least one pair) and records the division.
BatchTensors tokeniseShard(const Batch& batch, const text::BatchEncoder& encoder,
                           bool withHardNegatives, int rank, int ranks);

/// The batch's pairs counted by (query language, passage language), sorted by the languages.
std::vector<LanguagePairCount> countLanguagePairs(const Batch& batch);

}  // namespace mtrec::train
