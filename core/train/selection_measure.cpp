#include "train/selection_measure.h"

namespace mtrec::train {

const char* selectionMeasureText(SelectionMeasure measure) {
    return measure == SelectionMeasure::CrossMrr ? "cross_mrr" : "loss";
}

std::string bestDescription(SelectionMeasure measure) {
    return measure == SelectionMeasure::CrossMrr ? "highest validation cross-lingual MRR"
                                                 : "lowest validation loss";
}

bool improves(SelectionMeasure measure, double value, const std::optional<double>& best) {
    if (!best) return true;
    return measure == SelectionMeasure::CrossMrr ? value > *best : value < *best;
}

}  // namespace mtrec::train
