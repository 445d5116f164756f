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
};

/// "loss", "cross_mrr": the config's names (experiment::selectionMeasureChoices() lists them).
const char* selectionMeasureText(SelectionMeasure measure);

/// "lowest validation loss", "highest validation cross-lingual MRR": for messages.
std::string bestDescription(SelectionMeasure measure);

/// Whether `value` beats `best` under `measure` (any value beats no best; ties do not).
bool improves(SelectionMeasure measure, double value, const std::optional<double>& best);

}  // namespace mtrec::train
