#include "compare_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "analysis/grid_analysis.h"
#include "analysis/seed_groups.h"
#include "charts/heatmap_view.h"
#include "grid_heatmaps.h"
#include "store/experiment_store.h"
#include "view_pickers.h"

namespace mtrec::ui {

CompareView::CompareView(QWidget* parent) : QWidget(parent) {
    suite_ = new QComboBox(this);
    groups_ = new QCheckBox(tr("Compare seed groups"), this);
    groups_->setToolTip(tr("Average each side over the runs that differ from it only in seed"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("compareStatus"));
    heatmap_ = new HeatmapView(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Suite:"), this));
    bar->addWidget(suite_);
    bar->addWidget(groups_);
    bar->addSpacing(16);
    bar->addWidget(status_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(heatmap_, 1);
    connect(suite_, &QComboBox::currentIndexChanged, this, &CompareView::reload);
    connect(groups_, &QCheckBox::toggled, this, &CompareView::reload);
}

void CompareView::showRuns(store::ExperimentStore& store, const std::vector<std::int64_t>& runs) {
    store_ = &store;
    runs_ = runs;
    auto suites = runs.empty() ? Result<std::vector<std::string>>(std::vector<std::string>{})
                               : store.results().suites(runs.front());
    fillSuitePicker(*suite_, suites ? suites.value() : std::vector<std::string>{});
    reload();
}

void CompareView::clear() {
    store_ = nullptr;
    runs_.clear();
    status_->clear();
    heatmap_->setData({});
}

QString CompareView::statusText() const {
    return status_->text();
}

void CompareView::setSeedGroups(bool on) {
    groups_->setChecked(on);
}

std::vector<std::int64_t> CompareView::sideOf(std::int64_t runId) const {
    if (!groups_->isChecked()) return {runId};
    auto runs = store_->runs();
    auto group = analysis::seedGroupOf(runs, runId);
    return group ? group.value() : std::vector<std::int64_t>{runId};
}

void CompareView::reload() {
    if (!store_ || runs_.size() < 2 || suite_->count() == 0) {
        status_->setText(runs_.size() < 2 ? tr("Select two runs to compare.") : QString());
        heatmap_->setData({});
        return;
    }
    const std::vector<std::int64_t> a = sideOf(runs_[0]);
    const std::vector<std::int64_t> b = sideOf(runs_[1]);
    auto results = store_->results();
    auto grid = analysis::deltaGrid(results, a, b, suite_->currentData().toString().toStdString(),
                                    analysis::ComparisonOptions{});
    if (!grid) {
        status_->setText(QString::fromStdString(grid.error().message));
        heatmap_->setData({});
        return;
    }
    const auto name = [](std::int64_t id, std::size_t n) {
        return n > 1 ? tr("run #%1 (%2 seeds)").arg(id).arg(n) : tr("run #%1").arg(id);
    };
    HeatmapData data =
        heatmapOfDelta(grid.value(), name(runs_[0], a.size()), name(runs_[1], b.size()));
    int significant = 0;
    for (const HeatmapCell& cell : data.cells) significant += cell.mark.isEmpty() ? 0 : 1;
    status_->setText(
        tr("A = %1, B = %2: %3 of %4 cells differ significantly")
            .arg(data.nameA, data.nameB)
            .arg(significant)
            .arg(std::count_if(data.cells.begin(), data.cells.end(),
                               [](const HeatmapCell& c) { return !std::isnan(c.value); })));
    heatmap_->setData(std::move(data));
}

}  // namespace mtrec::ui
