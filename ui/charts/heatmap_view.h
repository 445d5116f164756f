#pragma once

#include <qcustomplot.h>

#include "charts/heatmap_data.h"

namespace mtrec::ui {

class ChartExportMenu;
class HeatmapController;

/// A language-pair heatmap widget: a QCustomPlot drawn by a HeatmapController, with per-cell
/// tooltips, cellClicked(row, column) and cellLabelsClicked on a left click, and the right-click export menu (PNG, PDF,
/// CSV of the cells). Owns its controller and menu.
class HeatmapView : public QCustomPlot {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget* parent = nullptr);

    void setData(HeatmapData data);
    const HeatmapData& data() const;
    HeatmapController* controller() const { return controller_; }
    ChartExportMenu* exportMenu() const { return exportMenu_; }
    /// The CSV behind the chart (see heatmapCsv()).
    QString csv() const;

Q_SIGNALS:
    /// column == data().columnLabels.size() is the Mul column. Indices are those of data(), which
    /// is ordered seen languages first when the data names them.
    void cellClicked(int row, int column);
    /// The same click as the cell's labels: its row's language and its column's (data().mulLabel
    /// for the Mul column).
    void cellLabelsClicked(const QString& rowLabel, const QString& columnLabel);

private:
    HeatmapController* controller_;
    ChartExportMenu* exportMenu_;
};

}  // namespace mtrec::ui
