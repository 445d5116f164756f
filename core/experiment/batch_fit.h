#pragma once

#include <vector>

#include "experiment/training_config.h"
#include "experiment/training_data.h"

namespace mtrec::experiment {

/// The problems of a batch size the training pools cannot fill. A batch holds each question group
/// at most once, so a sampler asked for more pairs than its pool has groups fills the batch as far
/// as it can and trains on a smaller batch than the config says. Refused instead, at its JSON path:
///   $.strategy.batch_size     more than the question groups of the whole training set;
///   $.data.languages[i]       a language whose monolingual pool holds fewer pairs than a batch,
///                             for strategies with monolingual batches (mono, hybrid with α > 0,
///                             multitask with a mono_qa task);
///   $.strategy.batch_size     a cross-lingual pool smaller than a batch when cross draws one
///                             language pair per batch.
std::vector<ConfigProblem> batchFitProblems(const TrainingConfig& config, const TrainingData& data);

}  // namespace mtrec::experiment
