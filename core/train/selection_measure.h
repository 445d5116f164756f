#pragma once

#include <optional>
#include <string>

namespace mtrec::train {

/// What picks a run's best checkpoint (and drives early stopping) at each validation.
enum class SelectionMeasure {
    /// The InfoNCE loss on the fixed validation batches (validation_batches.h); lower is better.
    Loss,
    /// Cross-lingual MRR of the held-out queries against the validation passages
    /// (validation_ranking.h); higher is better.
    CrossMrr,
    /// No selection: the last step's weights are evaluated; validation, where configured, only
    /// draws the curves. (On the paper protocol neither measure tracked zero-shot XQuAD-R after
    /// the first validations: docs/results.md, "Checkpoint selection".)
    Last,
};

/// "loss", "cross_mrr", "last": the config's names (experiment::selectionMeasureChoices() lists
/// them).
const char* selectionMeasureText(SelectionMeasure measure);

/// "lowest validation loss", "highest validation cross-lingual MRR", "the last step": for
/// messages.
std::string bestDescription(SelectionMeasure measure);

/// Whether `value` beats `best` under `measure` (any value beats no best; ties do not). Never
/// under Last, which keeps no best.
bool improves(SelectionMeasure measure, double value, const std::optional<double>& best);

}  // namespace mtrec::train
