#pragma once

#include <string>

#include "data/pair_pool.h"
#include "text/batch_encoder.h"

namespace mtrec::experiment {

/// The run note when $.tokenizer.max_length cuts most training passages (more than half of up to
/// the first 2,000 distinct passages in pool order, counted with the run's own tokenizer, prefix
/// and special tokens), e.g. "max_length 32 cuts 78% of the training passages (1563 of 2000
/// checked; median 45 tokens): their tails are not trained on". Empty when at most half are cut:
/// a cap that trims a long tail is what max_length is for; one that cuts most passages changes
/// what the model sees, and training goes on, so the run says so instead of refusing.
std::string truncationNote(const data::PairPool& train, const text::BatchEncoder& encoder);

}  // namespace mtrec::experiment
