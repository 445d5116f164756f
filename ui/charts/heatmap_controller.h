#pragma once

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <optional>
#include <vector>

#include "charts/heatmap_data.h"

class QCPAxisRect;
class QCPColorMap;
class QCPColorScale;
class QCPMarginGroup;
class QCPItemText;
class QCPRange;
class QCPTextElement;
class QCustomPlot;
class QMouseEvent;

namespace mtrec::ui {

/// Draws a HeatmapData on a QCustomPlot (qt-mvvm style: the controller owns no widget, so it is
/// tested without showing one). Rows go top to bottom, columns left to right with the Mul column
/// after a half-cell gap; cell (r, c) is centred on plot coordinates (c, r), the Mul column on (n +
/// 0.5, r) for n candidate languages. The plot must outlive the controller and is reserved for it:
/// setData() clears its plottables, items and layout and builds them anew. GUI thread only.
///
/// Cell text (value, mark) follows the cell size: after every layout (replot or export) the font
/// and, with automatic decimals, the number of decimals are chosen so the text fits the cell.
class HeatmapController : public QObject {
    Q_OBJECT
public:
    explicit HeatmapController(QCustomPlot* plot, QObject* parent = nullptr);

    /// Rebuilds the chart for `data` and replots. Cells missing from data.cells are drawn empty.
    /// With data.seenLanguages set, the seen languages come first on both axes (orderSeenFirst).
    void setData(HeatmapData data);
    /// The data as drawn (after ordering): cell indices of cellAt() and cellClicked() refer to it.
    const HeatmapData& data() const { return data_; }

    QCustomPlot* plot() const { return plot_; }
    /// All cells in one map at half-cell resolution (so the gap before Mul can be half a cell
    /// wide): read a cell's value with colorMap()->data()->data(columnKey(column), row); gap cells
    /// are NaN.
    QCPColorMap* colorMap() const { return colorMap_; }
    QCPColorScale* colorScale() const { return colorScale_; }
    /// The value range the colours span (see HeatmapScale).
    QCPRange colorRange() const;

    /// The text item printing a cell's value, or its mark; null for empty cells or cells without
    /// mark.
    QCPItemText* valueText(int row, int column) const;
    QCPItemText* markText(int row, int column) const;
    /// Decimals printed in the cells at the last layout.
    int decimalsInUse() const { return decimals_; }

    /// The cell under a widget pixel position, if any (uses the last layout).
    std::optional<HeatmapCellIndex> cellAt(const QPointF& pixel) const;
    /// A cell's rectangle in widget pixels (uses the last layout).
    QRectF cellRect(int row, int column) const;
    QString toolTip(int row, int column) const { return cellToolTip(data_, row, column); }

    /// The key coordinate of a column's centre.
    double columnKey(int column) const;

Q_SIGNALS:
    /// A left click on a cell; column == data().columnLabels.size() is the Mul column.
    void cellClicked(int row, int column);

private:
    void clearPlot();
    void buildAxes();
    void buildColorMap();
    void buildColorScale();
    void buildCellTexts();
    void buildOutlines();
    void buildSplit();
    void buildTitleAndNote();
    QCPRange computeColorRange() const;
    void fitTextsToCells();
    /// Breaks the title and the note into lines as wide as the plot's column; true when a text
    /// changed (its height may have, so the layout must run again).
    bool wrapTitleAndNote();
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);

    QCustomPlot* plot_;
    HeatmapData data_;
    QCPAxisRect* axisRect_ = nullptr;
    QCPColorMap* colorMap_ = nullptr;
    QCPColorScale* colorScale_ = nullptr;
    QCPMarginGroup* marginGroup_ = nullptr;
    std::vector<QCPItemText*> valueTexts_;  // row-major, null for empty cells
    std::vector<QCPItemText*> markTexts_;   // row-major, null for cells without mark
    QCPTextElement* title_ = nullptr;       // null when data_.title is empty
    QCPTextElement* note_ = nullptr;        // null when data_.note is empty
    int decimals_ = 3;
    double lastCellWidth_ = -1.0;
    double lastCellHeight_ = -1.0;
};

}  // namespace mtrec::ui
