#pragma once

#include <vector>

#include "charts/heatmap_data.h"
#include "store/training_log.h"

namespace mtrec::ui {

/// The language pairs a run trained on as a heatmap: rows the query language, columns the passage
/// language (the same languages on both axes, sorted), each cell the number of training pairs drawn
/// (empty where none), on a sequential scale fitted to the counts.
HeatmapData heatmapOfTrainedPairs(const std::vector<store::TrainedPairCount>& counts);

}  // namespace mtrec::ui
