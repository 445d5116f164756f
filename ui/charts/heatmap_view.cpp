#include "charts/heatmap_view.h"

#include "charts/chart_export_menu.h"
#include "charts/heatmap_controller.h"

namespace mtrec::ui {

HeatmapView::HeatmapView(QWidget* parent)
    : QCustomPlot(parent),
      controller_(new HeatmapController(this, this)),
      exportMenu_(new ChartExportMenu(
          this, [this] { return csv(); }, QStringLiteral("heatmap"))) {
    setMouseTracking(true);
    connect(controller_, &HeatmapController::cellClicked, this, [this](int row, int column) {
        Q_EMIT cellClicked(row, column);
        const HeatmapData& shown = controller_->data();
        Q_EMIT cellLabelsClicked(shown.rowLabels.value(row), shown.columnLabel(column));
    });
}

void HeatmapView::setData(HeatmapData data) {
    controller_->setData(std::move(data));
}

const HeatmapData& HeatmapView::data() const {
    return controller_->data();
}

QString HeatmapView::csv() const {
    return heatmapCsv(controller_->data());
}

}  // namespace mtrec::ui
