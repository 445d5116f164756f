#pragma once

#include <cstddef>
#include <vector>

#include "data/pair_pool.h"
#include "train/batch_sampler.h"

namespace mtrec::train {

/// The fixed batches a validation loss is computed on: every language pool of `pool` in order,
/// cut into ceil(n / batchSize) consecutive batches of exactly batchSize pairs, the last one
/// filled up from the start of the pool, so every batch has as many in-batch negatives as a
/// training batch and the loss is on the training loss's scale. A pool smaller than batchSize is
/// one batch of all its pairs (no group may occur twice in a batch). Pairs in pool order and no
/// randomness, so the validation loss of two runs (or of a run and its resumption) is measured on
/// the same batches. Kind: branch "mono" or "cross", the pool's languages. Borrows the pool.
/// Throws std::invalid_argument when batchSize < 2.
std::vector<Batch> validationBatches(const data::PairPool& pool, std::size_t batchSize);

}  // namespace mtrec::train
