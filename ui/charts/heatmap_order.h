#pragma once

#include <QStringList>
#include <vector>

#include "charts/heatmap_data.h"

namespace mtrec::ui {

/// `data` with the `seen` languages (a run's training languages) first on both axes and the others
/// after them, each group keeping its order in `data`; cells move with their labels, the Mul column
/// stays last. splitIndex becomes the number of seen languages when both axes hold the same number
/// and there is at least one language on either side; otherwise it is -1 (no split) and the order
/// is left as it was. Languages in `seen` that the chart does not show are ignored.
HeatmapData orderSeenFirst(HeatmapData data, const QStringList& seen);

/// Indices into `labels`: those in `seen` first, then the others, each group in its order.
std::vector<int> seenFirstOrder(const QStringList& labels, const QStringList& seen);

}  // namespace mtrec::ui
