#pragma once

#include <string>
#include <vector>

#include "train/batch_sampler.h"

namespace mtrec::train {

/// The hard negatives a batch trains with, in pair order: each pair's hard negative, except one
/// whose text equals the positive passage of any pair in the batch (a neighbouring sentence may be
/// another question's answer; scoring it as a negative would push that query away from its own
/// positive) or a hard negative already taken (a duplicate column would count twice).
std::vector<std::string> batchHardNegatives(const Batch& batch);

}  // namespace mtrec::train
