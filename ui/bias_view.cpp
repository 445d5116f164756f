#include "bias_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include "charts/heatmap_view.h"
#include "charts/rank_distance_plot.h"
#include "grid_heatmaps.h"
#include "run_config_facts.h"
#include "store/experiment_store.h"
#include "view_pickers.h"

namespace mtrec::ui {

BiasView::BiasView(QWidget* parent) : QWidget(parent) {
    suite_ = new QComboBox(this);
    heatmap_ = new HeatmapView(this);
    bars_ = new RankDistancePlot(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Suite:"), this));
    bar->addWidget(suite_);
    bar->addStretch();
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(heatmap_);
    charts->addWidget(bars_);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(charts, 1);
    connect(suite_, &QComboBox::currentIndexChanged, this, &BiasView::reload);
}

void BiasView::showRun(store::ExperimentStore& store, std::int64_t runId) {
    store_ = &store;
    runId_ = runId;
    auto suites = store.results().suites(runId);
    fillSuitePicker(*suite_, suites ? suites.value() : std::vector<std::string>{});
    reload();
}

void BiasView::clear() {
    store_ = nullptr;
    suite_->clear();
    heatmap_->setData({});
    bars_->setData({});
}

void BiasView::reload() {
    if (!store_ || suite_->count() == 0) return clear();
    const QString suite = suite_->currentData().toString();
    auto grid = store_->results().biasGrid(runId_, suite.toStdString());
    if (!grid || grid.value().empty()) {
        heatmap_->setData({});
        bars_->setData({});
        return;
    }
    auto run = store_->runs().get(runId_);
    const GridSubject subject{tr("run #%1").arg(runId_), suite,
                              run ? trainingLanguages(*store_, run.value()) : QStringList()};
    heatmap_->setData(heatmapOfBias(grid.value(), subject));
    bars_->setData(rankDistanceOfBias(grid.value(), subject));
}

}  // namespace mtrec::ui
