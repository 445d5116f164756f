#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "analysis/grid_analysis.h"
#include "charts/heatmap_data.h"
#include "charts/rank_distance_plot.h"
#include "store/language_grid.h"

namespace mtrec::ui {

/// The A − B heatmap of the mean Mul rank of the language-Y relevant passage for language-X
/// queries (analysis::gridDifference): a diverging scale centred on 0, both values in the
/// tooltip, no marks — the store keeps no per-query ranks to test — and no Mul column.
HeatmapData heatmapOfMeanRankDelta(const analysis::DeltaGrid& grid, const QString& nameA,
                                   const QString& nameB);

/// One series of the compared rank distances: a side's name, its per-query-language grid of
/// rank distance (the Mul column of groupLanguageGrid's rows) and its overall mean.
struct RankDistanceSide {
    QString name;
    store::LanguageGrid grid;
    double overallMean = NAN;
};

/// Grouped rank-distance bars of every side over the union of their query languages (sorted).
RankDistanceData rankDistanceOfSides(const std::vector<RankDistanceSide>& sides,
                                     const QString& suite);

}  // namespace mtrec::ui
