#pragma once

#include <string>

#include "data/pair_pool.h"
#include "experiment/training_data.h"

namespace mtrec::experiment {

/// The first 12 hex digits of a SHA-256 over every pair of `pool` (language pairs in the pool's
/// order, pairs in order; each field length-prefixed; hard negatives, a strategy option, left
/// out). Two runs with the
/// same fingerprint trained on the same pairs: runs of one experiment that differ only in strategy
/// show that every strategy saw the same QA data.
std::string poolFingerprint(const data::PairPool& pool);

/// The run note that records what a run trained on, e.g. "training data: 5123 QA pairs
/// (fingerprint 0123456789ab), 270 validation pairs, 6000 translation pairs".
std::string trainingDataNote(const TrainingData& data);

}  // namespace mtrec::experiment
