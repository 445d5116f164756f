#include "train/selection_measure.h"

namespace mtrec::train {

const char* selectionMeasureText(SelectionMeasure measure) {
    switch (measure) {
        case SelectionMeasure::CrossMrr:
            return "cross_mrr";
        case SelectionMeasure::Last:
            return "last";
        case SelectionMeasure::Loss:
            break;
    }
    return "loss";
}

std::string bestDescription(SelectionMeasure measure) {
    switch (measure) {
        case SelectionMeasure::CrossMrr:
            return "highest validation cross-lingual MRR";
        case SelectionMeasure::Last:
            return "the last step";
        case SelectionMeasure::Loss:
            break;
    }
    return "lowest validation loss";
}

bool improves(SelectionMeasure measure, double value, const std::optional<double>& best) {
    if (measure == SelectionMeasure::Last) return false;
    if (!best) return true;
    return measure == SelectionMeasure::CrossMrr ? value > *best : value < *best;
}

}  // namespace mtrec::train
