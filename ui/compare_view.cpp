#include "compare_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "analysis/grid_analysis.h"
#include "analysis/seed_groups.h"
#include "charts/heatmap_view.h"
#include "charts/rank_distance_plot.h"
#include "compare_charts.h"
#include "grid_heatmaps.h"
#include "store/experiment_store.h"
#include "table_export_menu.h"
#include "view_pickers.h"

namespace mtrec::ui {

CompareView::CompareView(QWidget* parent) : QWidget(parent) {
    heatmap_ = new HeatmapView(this);
    bars_ = new RankDistancePlot(this);
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(heatmap_);
    charts->addWidget(bars_);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    charts->setSizes({600, 400});  // proportions, applied when first laid out
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildToolBar());
    layout->addWidget(charts, 1);
    layout->addWidget(buildSummaryPane());
}

QLayout* CompareView::buildToolBar() {
    suite_ = new QComboBox(this);
    groups_ = new QCheckBox(tr("Compare seed groups"), this);
    groups_->setToolTip(tr("Average each side over the runs that differ from it only in seed"));
    compared_ = new QComboBox(this);
    compared_->setObjectName(QStringLiteral("comparedSide"));
    compared_->setToolTip(tr("B of the A − B heatmap: A is the first run selected"));
    compared_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    measure_ = new QComboBox(this);
    measure_->addItem(tr("Δ mAP"), int(DeltaMeasure::AveragePrecision));
    measure_->addItem(tr("Δ mean Mul rank"), int(DeltaMeasure::MulMeanRank));
    measure_->setToolTip(tr("What the heatmap compares"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("compareStatus"));
    status_->setWordWrap(true);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Suite:"), this));
    bar->addWidget(suite_);
    bar->addWidget(groups_);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("B:"), this));
    bar->addWidget(compared_);
    bar->addWidget(measure_);
    bar->addSpacing(12);
    bar->addWidget(status_, 1);
    connect(suite_, &QComboBox::currentIndexChanged, this, &CompareView::reload);
    connect(groups_, &QCheckBox::toggled, this, &CompareView::reload);
    connect(compared_, &QComboBox::currentIndexChanged, this, &CompareView::redrawDelta);
    connect(measure_, &QComboBox::currentIndexChanged, this, &CompareView::redrawDelta);
    return bar;
}

QWidget* CompareView::buildSummaryPane() {
    auto* pane = new QWidget(this);
    summary_ = new CompareSummaryModel(this);
    table_ = new QTableView(pane);
    table_->setModel(summary_);
    table_->setObjectName(QStringLiteral("compareSummary"));
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setWordWrap(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    installTableExportMenu(table_, QStringLiteral("compare-summary"))->setTableSource([this] {
        return summary_->exportTable();
    });
    footnote_ = new QLabel(pane);
    footnote_->setObjectName(QStringLiteral("compareFootnote"));
    footnote_->setWordWrap(true);
    QFont small = footnote_->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    footnote_->setFont(small);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_);
    layout->addWidget(footnote_);
    fitTableHeight();
    return pane;
}

void CompareView::fitTableHeight() {
    table_->resizeRowsToContents();
    const int rows = std::max(table_->verticalHeader()->length(),
                              table_->verticalHeader()->defaultSectionSize());
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() + rows +
                           2 * table_->frameWidth());
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
    showNothing({});
}

QString CompareView::statusText() const {
    return status_->text();
}

QString CompareView::footnoteText() const {
    return footnote_->text();
}

void CompareView::setSeedGroups(bool on) {
    groups_->setChecked(on);
}

void CompareView::setComparedSide(int index) {
    compared_->setCurrentIndex(index);
}

void CompareView::setDeltaMeasure(DeltaMeasure measure) {
    measure_->setCurrentIndex(measure_->findData(int(measure)));
}

std::vector<std::int64_t> CompareView::sideOf(std::int64_t runId) const {
    if (!groups_->isChecked()) return {runId};
    auto runs = store_->runs();
    auto group = analysis::seedGroupOf(runs, runId);
    return group ? group.value() : std::vector<std::int64_t>{runId};
}

QString CompareView::sideName(std::size_t side) const {
    const std::size_t seeds = sides_[side].runIds.size();
    return seeds > 1 ? tr("%1 (%2 seeds)").arg(labels_[side].name).arg(seeds) : labels_[side].name;
}

void CompareView::showProblem(const QString& problem) {
    status_->setText(problem);
    heatmap_->setData({});
}

void CompareView::reload() {
    sides_.clear();  // before anything reads them
    labels_.clear();
    if (!store_ || runs_.size() < 2 || suite_->count() == 0)
        return showNothing(runs_.size() < 2 ? tr("Select two or more runs to compare.")
                                            : QString());
    const std::string suite = suite_->currentData().toString().toStdString();
    if (const QString problem = loadSides(suite); !problem.isEmpty()) return showNothing(problem);
    auto results = store_->results();
    Result<analysis::CompareSummary> summary = analysis::summarizeSides(results, sides_, suite);
    if (!summary) return showNothing(QString::fromStdString(summary.error().message));
    showRankDistances(suite, summary.value());
    fillComparedPicker();
    redrawDelta();
    showSummary(std::move(summary).value());
}

void CompareView::showNothing(const QString& why) {
    sides_.clear();
    labels_.clear();
    summary_->clear();
    footnote_->clear();
    fitTableHeight();
    bars_->setData({});
    fillComparedPicker();
    showProblem(why);
}

QString CompareView::loadSides(const std::string& suite) {
    auto results = store_->results();
    for (std::int64_t runId : runs_) {
        Result<analysis::SidePerQuery> side =
            analysis::loadSidePerQuery(results, sideOf(runId), suite);
        if (!side) return QString::fromStdString(side.error().message);
        auto record = store_->runs().get(runId);
        if (!record) return QString::fromStdString(record.error().message);
        sides_.push_back(std::move(side).value());
        labels_.push_back({tr("#%1 %2").arg(runId).arg(QString::fromStdString(record.value().name)),
                           QString::fromStdString(record.value().strategy)});
    }
    return {};
}

void CompareView::showSummary(analysis::CompareSummary summary) {
    summary_->setSummary(std::move(summary), labels_);
    footnote_->setText(summary_->footnote());
    fitTableHeight();
}

void CompareView::showRankDistances(const std::string& suite,
                                    const analysis::CompareSummary& summary) {
    auto results = store_->results();
    std::vector<RankDistanceSide> series;
    for (std::size_t s = 0; s < sides_.size(); ++s) {
        auto grid = analysis::groupLanguageGrid(results, sides_[s].runIds, suite,
                                                store::BiasMeasure::RankDistance);
        if (!grid || grid.value().empty()) continue;
        series.push_back(
            {sideName(s), std::move(grid).value(), summary.sides.at(s).entries.back().value.mean});
    }
    bars_->setData(series.empty() ? RankDistanceData{}
                                  : rankDistanceOfSides(series, suite_->currentData().toString()));
}

void CompareView::fillComparedPicker() {
    const int previous = std::max(0, compared_->currentIndex());
    const QSignalBlocker blocker(compared_);
    compared_->clear();
    for (std::size_t s = 1; s < sides_.size(); ++s) compared_->addItem(sideName(s));
    compared_->setCurrentIndex(std::min(previous, compared_->count() - 1));
}

void CompareView::redrawDelta() {
    const int b = compared_->currentIndex() + 1;
    if (b < 1 || std::size_t(b) >= sides_.size()) return;
    const std::string suite = suite_->currentData().toString().toStdString();
    if (DeltaMeasure(measure_->currentData().toInt()) == DeltaMeasure::MulMeanRank)
        showMeanRankDelta(std::size_t(b), suite);
    else
        showAveragePrecisionDelta(std::size_t(b), suite);
}

void CompareView::showAveragePrecisionDelta(std::size_t b, const std::string& suite) {
    for (std::size_t side : {std::size_t(0), b})
        if (sides_[side].averagePrecision.mean.empty())
            return showProblem(
                tr("%1 has no per-query mAP values for this suite to compare").arg(sideName(side)));
    analysis::ComparisonOptions options;
    options.suite = suite;
    analysis::Comparison comparison =
        analysis::compareGroups(sides_[0].averagePrecision, sides_[b].averagePrecision, options, {},
                                CancelToken())
            .value();
    comparison.groupA = sides_[0].runIds;
    comparison.groupB = sides_[b].runIds;
    HeatmapData data =
        heatmapOfDelta(analysis::deltaGridOf(comparison, suite), sideName(0), sideName(b));
    const analysis::SignificanceSummary counts = analysis::summarizeSignificance(comparison);
    const QString seedLevel =
        counts.seedTested == 0
            ? tr("over seeds (†): needs ≥ 2 seeds per side")
            : tr("%1 of %2 over seeds (†)").arg(counts.seedSignificant).arg(counts.seedTested);
    status_->setText(tr("A = %1, B = %2: %3 of %4 cells differ significantly over queries (*); %5")
                         .arg(data.nameA, data.nameB)
                         .arg(counts.significant)
                         .arg(counts.compared)
                         .arg(seedLevel));
    heatmap_->setData(std::move(data));
}

void CompareView::showMeanRankDelta(std::size_t b, const std::string& suite) {
    auto results = store_->results();
    const store::Measure rank = store::BiasMeasure::MulMeanRank;
    auto a = analysis::groupLanguageGrid(results, sides_[0].runIds, suite, rank);
    auto other = analysis::groupLanguageGrid(results, sides_[b].runIds, suite, rank);
    if (!a || !other) return showProblem(QString::fromStdString((!a ? a : other).error().message));
    if (a.value().empty() || other.value().empty())
        return showProblem(
            tr("No mean Mul ranks for this suite: it is not a parallel suite, or "
               "a run was evaluated without its language bias"));
    HeatmapData data = heatmapOfMeanRankDelta(analysis::gridDifference(a.value(), other.value()),
                                              sideName(0), sideName(b));
    status_->setText(
        tr("A = %1, B = %2: mean Mul rank, A − B (no test)").arg(data.nameA, data.nameB));
    heatmap_->setData(std::move(data));
}

}  // namespace mtrec::ui
