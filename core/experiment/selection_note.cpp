#include "experiment/selection_note.h"

#include <cstdio>

namespace mtrec::experiment {

std::string selectionNote(train::SelectionMeasure measure, const std::optional<double>& best,
                          std::size_t bestStep, std::size_t lastStep) {
    const std::string last = std::to_string(lastStep);
    if (best) {
        char value[32];
        std::snprintf(value, sizeof value, "%.4f", *best);
        return "evaluated step " + std::to_string(bestStep) + " of " + last + " (" +
               train::bestDescription(measure) + " " + value + ")";
    }
    return "evaluated the last step, " + last +
           (measure == train::SelectionMeasure::Last ? " (select_by last)" : " (no validation)");
}

}  // namespace mtrec::experiment
