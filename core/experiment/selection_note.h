#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "train/selection_measure.h"

namespace mtrec::experiment {

/// The run note saying which weights a training run evaluates, so `mtrec runs show` and the
/// workbench's notes name the selected step beside the metrics:
///   "evaluated step 250 of 1000 (highest validation cross-lingual MRR 0.2524)" when a validated
///   step was selected (`best` set), else "evaluated the last step, 1000 (select_by last)" or
///   "(no validation)".
std::string selectionNote(train::SelectionMeasure measure, const std::optional<double>& best,
                          std::size_t bestStep, std::size_t lastStep);

}  // namespace mtrec::experiment
