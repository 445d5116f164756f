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
    connect(controller_, &HeatmapController::cellClicked, this, &HeatmapView::cellClicked);
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
