#pragma once

#include <QString>

#include "analysis/grid_analysis.h"
#include "charts/heatmap_data.h"
#include "charts/rank_distance_plot.h"
#include "store/language_grid.h"

namespace mtrec::ui {

/// What a run or seed group is called in chart titles, e.g. "run #12" or "hybrid α=0.5 (3 seeds)".
struct GridSubject {
    QString name;
    QString suite;  ///< as the store names it, e.g. "xquad-r"
    /// The languages the run was trained on (see trainingLanguages()): drawn first on both axes,
    /// split from the unseen ones. Empty (untrained and BM25 runs): the store's order, no split.
    QStringList seenLanguages = {};
};

/// The heatmap of a run's or seed group's grid of one measure: rows query languages, columns
/// candidate languages then Mul; a sequential 0–1 scale for the trec_eval metrics, a reversed one
/// for mean ranks. Group cells show mean ± std in their tooltip's note; query counts come along.
HeatmapData heatmapOfGrid(const store::LanguageGrid& grid, const GridSubject& subject);

/// The bias heatmap: mean Mul rank of the language-Y relevant passage for language-X queries
/// (lower is better, so the scale is reversed and says so).
HeatmapData heatmapOfBias(const store::BiasGrid& grid, const GridSubject& subject);

/// The rank distance per query language and the run's mean, for the bars beside the bias heatmap;
/// the seen languages first, in their own colour, as in the heatmap.
RankDistanceData rankDistanceOfBias(const store::BiasGrid& grid, const GridSubject& subject);

/// The A − B delta heatmap: a diverging scale centred on 0, "*" on every cell whose Holm-corrected
/// randomization-test p is below 0.05, both values and both p in the tooltip. `seenLanguages`
/// as in GridSubject (e.g. the languages both sides were trained on).
HeatmapData heatmapOfDelta(const analysis::DeltaGrid& grid, const QString& nameA,
                           const QString& nameB, const QStringList& seenLanguages = {});

/// "mAP", "R@10", ..., the bias measure's or the diagnostic's name ("unknown-token share", "tied
/// relevant ranks"), for titles.
QString measureTitle(store::Measure measure);
/// "XQuAD-R", "MLQA-R", "MIRACL", "mTREC", or the name as stored.
QString suiteTitle(const QString& suite);

}  // namespace mtrec::ui
