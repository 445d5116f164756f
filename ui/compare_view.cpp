#include "compare_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/grid_analysis.h"
#include "analysis/seed_groups.h"
#include "charts/heatmap_view.h"
#include "charts/rank_distance_plot.h"
#include "compare_charts.h"
#include "grid_heatmaps.h"
#include "run_config_facts.h"
#include "store/experiment_store.h"
#include "table_export_menu.h"
#include "view_pickers.h"

namespace mtrec::ui {

namespace {

/// A picker about 22 characters wide, whatever its items: run names and language lists are long,
/// and pickers sized to them made the window wider than a 1280-pixel screen. The list that opens
/// shows the whole text.
void shrinkToShortText(QComboBox& picker) {
    picker.setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    picker.setMinimumContentsLength(22);
}

}  // namespace

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
    shrinkToShortText(*compared_);
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
    bar->addStretch(1);
    connect(suite_, &QComboBox::currentIndexChanged, this, &CompareView::reload);
    connect(groups_, &QCheckBox::toggled, this, &CompareView::reload);
    connect(compared_, &QComboBox::currentIndexChanged, this, &CompareView::redrawDelta);
    connect(measure_, &QComboBox::currentIndexChanged, this, &CompareView::redrawDelta);
    // The status (which runs are A and B, how many cells differ) is long: a line of its own.
    auto* rows = new QVBoxLayout;
    rows->addLayout(bar);
    rows->addWidget(status_);
    return rows;
}

QLayout* CompareView::buildLanguagePicker(QWidget* pane) {
    languages_ = new QComboBox(pane);
    languages_->setObjectName(QStringLiteral("summaryLanguages"));
    languages_->setToolTip(
        tr("Which languages the summary table averages: all, those every trained run trained on "
           "(seen), or those none did (unseen)"));
    languages_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(languages_, &QComboBox::currentIndexChanged, this, &CompareView::reload);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Summary over:"), pane));
    row->addWidget(languages_);
    row->addStretch(1);
    return row;
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
    // The run names take what the numbers leave, elided in the middle (the tooltip has them whole),
    // so the numbers fit the pane without a sideways scroll.
    table_->horizontalHeader()->setSectionResizeMode(CompareSummaryModel::kNameColumn,
                                                     QHeaderView::Stretch);
    table_->setTextElideMode(Qt::ElideMiddle);
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
    layout->addLayout(buildLanguagePicker(pane));
    layout->addWidget(table_);
    layout->addWidget(footnote_);
    fitTableHeight();
    return pane;
}

void CompareView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitTableHeight();  // the table's scroll bar comes and goes with the width
}

void CompareView::fitTableHeight() {
    table_->resizeRowsToContents();
    const int rows = std::max(table_->verticalHeader()->length(),
                              table_->verticalHeader()->defaultSectionSize());
    // With the scroll bar's height when the columns are wider than the view, so no row hides.
    const bool scrolls = table_->horizontalHeader()->length() > table_->viewport()->width();
    const int scrollBar = scrolls ? table_->horizontalScrollBar()->sizeHint().height() : 0;
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() + rows + scrollBar +
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

void CompareView::setLanguageSet(LanguageSet set) {
    if (const int index = languages_->findData(int(set)); index >= 0)
        languages_->setCurrentIndex(index);
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
    fillLanguagePicker(suite);
    auto results = store_->results();
    Result<analysis::CompareSummary> summary =
        analysis::summarizeSides(results, sides_, suite, {}, chosenLanguages());
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

void CompareView::fillLanguagePicker(const std::string& suite) {
    std::set<std::string> suiteLanguages;
    for (const analysis::SidePerQuery& side : sides_)
        for (const auto& [key, values] : side.averagePrecision.mean)
            if (key.suite == suite && !key.isSummary()) suiteLanguages.insert(key.queryLang);
    std::vector<std::vector<std::string>> trainedOn;
    for (const analysis::SidePerQuery& side : sides_)
        for (std::int64_t runId : side.runIds)
            if (auto record = store_->runs().get(runId)) {
                trainedOn.emplace_back();
                for (const QString& language : trainingLanguages(*store_, record.value()))
                    trainedOn.back().push_back(language.toStdString());
            }
    const analysis::SeenUnseenLanguages split =
        analysis::seenUnseenLanguages({suiteLanguages.begin(), suiteLanguages.end()}, trainedOn);
    const int previous = languages_->currentData().isValid() ? languages_->currentData().toInt()
                                                             : int(LanguageSet::All);
    const QSignalBlocker blocker(languages_);
    languages_->clear();
    languages_->addItem(tr("All languages"), int(LanguageSet::All));
    const auto offer = [this](const QString& name, const std::vector<std::string>& languages,
                              LanguageSet set) {
        if (languages.empty()) return;
        QStringList codes;
        for (const std::string& language : languages) codes << QString::fromStdString(language);
        languages_->addItem(tr("%1 (%2)").arg(name, codes.join(QStringLiteral(", "))), int(set));
        languages_->setItemData(languages_->count() - 1, QVariant::fromValue(codes),
                                Qt::UserRole + 1);
    };
    offer(tr("Seen in training"), split.seen, LanguageSet::Seen);
    offer(tr("Unseen"), split.unseen, LanguageSet::Unseen);
    languages_->setCurrentIndex(std::max(0, languages_->findData(previous)));
    languages_->setEnabled(languages_->count() > 1);
}

analysis::LanguageSubset CompareView::chosenLanguages() const {
    if (LanguageSet(languages_->currentData().toInt()) == LanguageSet::All)
        return analysis::LanguageSubset::all();
    std::vector<std::string> languages;
    for (const QString& code : languages_->currentData(Qt::UserRole + 1).toStringList())
        languages.push_back(code.toStdString());
    return analysis::LanguageSubset::of(languages);
}

void CompareView::showSummary(analysis::CompareSummary summary) {
    const LanguageSet set = LanguageSet(languages_->currentData().toInt());
    const QString languagesName = set == LanguageSet::Seen     ? tr("seen in training")
                                  : set == LanguageSet::Unseen ? tr("unseen in training")
                                                               : QString();
    summary_->setSummary(std::move(summary), labels_, languagesName);
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
