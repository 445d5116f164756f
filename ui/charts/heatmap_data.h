#pragma once

#include <QString>
#include <QStringList>
#include <limits>
#include <vector>

namespace mtrec::ui {

/// How a heatmap maps values to colours.
enum class HeatmapScale {
    SequentialFixed,     ///< viridis over [0, 1] (metrics such as mAP)
    SequentialFit,       ///< viridis over [min, max] of the finite values
    DivergingSymmetric,  ///< RdBu over [-m, m], m = max |value| (A − B deltas); 0 is white
    SequentialReversed,  ///< viridis reversed over [min, max]: lower is better (mean ranks)
};

/// One cell of a language-pair heatmap. NaN value = no data (drawn empty).
struct HeatmapCell {
    double value = std::numeric_limits<double>::quiet_NaN();
    int queryCount = 0;
    QString mark;  ///< drawn in the cell's corner, e.g. "*" when significant; empty for none
    // Delta heatmaps only (NaN elsewhere): the two values compared and the test's p-values.
    double valueA = std::numeric_limits<double>::quiet_NaN();
    double valueB = std::numeric_limits<double>::quiet_NaN();
    double pRaw = std::numeric_limits<double>::quiet_NaN();
    double pCorrected = std::numeric_limits<double>::quiet_NaN();
};

/// Row and column of a heatmap cell; column == HeatmapData::columnLabels.size() is the Mul column.
struct HeatmapCellIndex {
    int row = -1;
    int column = -1;
    bool operator==(const HeatmapCellIndex& o) const { return row == o.row && column == o.column; }
};

/// Everything a language-pair heatmap shows, independent of the store. Rows are query languages
/// (drawn top to bottom in this order), columns candidate languages (left to right), then
/// optionally the Mul column after a gap. `cells` is row-major with columnCount() cells per row.
struct HeatmapData {
    QString title;          ///< e.g. "mAP, XQuAD-R, run #12"
    QString colorBarLabel;  ///< e.g. "mAP"; SequentialReversed appends "(lower is better)"
    QString valueName = QStringLiteral("value");  ///< the value's name in tooltips, e.g. "mAP"
    QString rowAxisLabel = QStringLiteral("query language");
    QString columnAxisLabel = QStringLiteral("candidate language");
    QStringList rowLabels;
    QStringList columnLabels;
    bool hasMulColumn = false;
    QString mulLabel = QStringLiteral("Mul");
    std::vector<HeatmapCell> cells;
    /// Index of the first unseen language in both orders (seen languages first); -1 draws no split.
    int splitIndex = -1;
    /// The languages the model was trained on. When not empty, HeatmapController::setData orders
    /// them first on both axes and sets splitIndex (see orderSeenFirst); empty keeps the order and
    /// splitIndex as given.
    QStringList seenLanguages;
    HeatmapScale scale = HeatmapScale::SequentialFixed;
    bool logarithmic = false;  ///< log colour scale (positive values only), e.g. for mean ranks
    /// Decimals printed in cells; -1 = automatic (3, or 2 when cells are narrow; fewer for values ≥
    /// 10).
    int decimals = -1;
    QString nameA = QStringLiteral("A");  ///< delta heatmaps: what A and B are, for tooltips
    QString nameB = QStringLiteral("B");
    QString correction = QStringLiteral("corrected");  ///< e.g. "Holm"
    QString note;  ///< a line under the chart, e.g. which test and correction the marks mean

    int columnCount() const { return int(columnLabels.size()) + (hasMulColumn ? 1 : 0); }
    int rowCount() const { return int(rowLabels.size()); }
    bool isMulColumn(int column) const { return hasMulColumn && column == columnLabels.size(); }
    QString columnLabel(int column) const;
    /// Bounds-checked; an out-of-range index gives an empty cell.
    const HeatmapCell& cell(int row, int column) const;
    /// For filling: sizes `cells` first if it does not match the labels; an out-of-range index is
    /// clamped to the nearest cell.
    HeatmapCell& cell(int row, int column);
    /// Resizes `cells` to rowCount() × columnCount() empty cells.
    void resetCells();
    bool isDelta() const;
};

/// Decimals to print given the data's magnitude and the cell width in pixels.
int cellDecimals(const HeatmapData& data, double cellWidthPx);
/// The multi-line tooltip of one cell: pair, exact value, query count; for deltas both values, the
/// delta and the raw and corrected p.
QString cellToolTip(const HeatmapData& data, int row, int column);
/// The data behind the chart as tidy RFC 4180 CSV: one row per cell (query_language,
/// candidate_language, value, query_count, mark; deltas add value_a, value_b, p_raw, p_corrected).
QString heatmapCsv(const HeatmapData& data);

}  // namespace mtrec::ui
