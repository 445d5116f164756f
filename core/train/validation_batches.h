#pragma once

#include <cstddef>
#include <vector>

#include "data/pair_pool.h"
#include "train/batch_sampler.h"

namespace mtrec::train {

/// The fixed batches a validation loss is computed on: every language pool of `pool` in order,
/// each cut into ceil(n / batchSize) consecutive chunks of near-equal size (sizes differ by at
/// most one), pairs in pool order. No randomness, so the validation loss of two runs (or of a run
/// and its resumption) is measured on the same batches. Each batch is one language pair, so no
/// group occurs twice. Kind: branch "mono" or "cross", the pool's languages. Borrows the pool.
/// Throws std::invalid_argument when batchSize < 2.
std::vector<Batch> validationBatches(const data::PairPool& pool, std::size_t batchSize);

}  // namespace mtrec::train
