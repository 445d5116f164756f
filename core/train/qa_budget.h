#pragma once

#include <cstddef>

#include "train/strategy_spec.h"

namespace mtrec::train {

/// The optimizer steps a run takes when its config asks for `steps`: `steps` itself, except for
/// multitask with equalQaBudget, whose round robin runs whole cycles of its tasks (those the spec
/// lists, or defaultTasks(hasTranslation)) until the QA tasks (mono_qa, cross_qa) have had `steps`
/// batches; the other tasks' batches come on top. Mono_qa, cross_qa, translation and 200 steps:
/// 300 steps, 200 of them QA. Throws std::invalid_argument when there is no QA task.
std::size_t optimizerSteps(const StrategySpec& spec, std::size_t steps, bool hasTranslation);

}  // namespace mtrec::train
