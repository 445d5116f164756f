#include "results_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include "charts/heatmap_view.h"
#include "grid_heatmaps.h"
#include "per_query_panel.h"
#include "run_config_facts.h"
#include "store/experiment_store.h"
#include "view_pickers.h"

namespace mtrec::ui {

ResultsView::ResultsView(QWidget* parent) : QWidget(parent) {
    suite_ = new QComboBox(this);
    measure_ = new QComboBox(this);
    fillMeasurePicker(*measure_);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("resultsSummary"));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    heatmap_ = new HeatmapView(this);
    queries_ = new PerQueryPanel(this);
    queries_->hide();

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Suite:"), this));
    bar->addWidget(suite_);
    bar->addWidget(new QLabel(tr("Measure:"), this));
    bar->addWidget(measure_);
    bar->addSpacing(16);
    bar->addWidget(summary_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    split_ = new QSplitter(Qt::Vertical, this);
    split_->addWidget(heatmap_);
    split_->addWidget(queries_);
    split_->setChildrenCollapsible(false);
    layout->addWidget(split_, 1);

    connect(suite_, &QComboBox::currentIndexChanged, this, &ResultsView::reload);
    connect(measure_, &QComboBox::currentIndexChanged, this, &ResultsView::reload);
    connect(heatmap_, &HeatmapView::cellLabelsClicked, this, &ResultsView::showQueries);
}

void ResultsView::showRun(store::ExperimentStore& store, std::int64_t runId) {
    if (store_ != &store || runId_ != runId) queries_->hide();  // a redraw keeps the queries
    store_ = &store;
    runId_ = runId;
    auto run = store.runs().get(runId);
    run_ = run ? std::optional(std::move(run).value()) : std::nullopt;
    seenLanguages_ = run_ ? trainingLanguages(*run_) : QStringList();
    auto suites = store.results().suites(runId);
    fillSuitePicker(*suite_, suites ? suites.value() : std::vector<std::string>{});
    reload();
}

void ResultsView::clear() {
    store_ = nullptr;
    run_.reset();
    seenLanguages_.clear();
    queries_->hide();
    queries_->clear();
    suite_->clear();
    summary_->clear();
    heatmap_->setData({});
}

QString ResultsView::summaryText() const {
    return summary_->text();
}

void ResultsView::reload() {
    if (!store_ || suite_->count() == 0) {
        summary_->setText(store_ ? tr("Run #%1 has no results yet.").arg(runId_) : QString());
        heatmap_->setData({});
        return;
    }
    const std::string suite = suite_->currentData().toString().toStdString();
    const store::Measure measure =
        store::kAllMeasures.at(std::size_t(measure_->currentData().toInt()));
    auto grid = store_->results().languageGrid(runId_, suite, measure);
    if (!grid) {
        summary_->setText(QString::fromStdString(grid.error().message));
        heatmap_->setData({});
        return;
    }
    const store::SuiteContamination* contaminated =
        run_ ? store::findContamination(run_->contaminated, suite) : nullptr;
    QString name = tr("run #%1").arg(runId_);
    if (contaminated)
        name += tr(" [contaminated: %1]").arg(QString::fromStdString(contaminated->sharedText()));
    const GridSubject subject{name, QString::fromStdString(suite), seenLanguages_};
    heatmap_->setData(heatmapOfGrid(grid.value(), subject));

    QStringList parts;
    auto cells = store_->results().matrix(runId_, suite, measure);
    if (cells)
        for (const auto& cell : cells.value())
            if (cell.key.isSummary())
                parts.append(QStringLiteral("%1 %2")
                                 .arg(QString::fromUtf8(eval::settingName(cell.key.setting).data()))
                                 .arg(cell.value, 0, 'f', 3));
    if (!queries_->isHidden()) showQueries(shownPair_.first, shownPair_.second);
    QString summary = parts.isEmpty()
                          ? QString()
                          : tr("%1 (macro averages): %2")
                                .arg(measureTitle(measure), parts.join(QStringLiteral(" · ")));
    if (contaminated)  // not zero-shot: say so before the numbers
        summary = tr("Contaminated: %1. %2")
                      .arg(QString::fromStdString(contaminated->sharedText()), summary);
    summary_->setText(summary);
    summary_->setToolTip(contaminated ? QString::fromStdString(contaminated->description)
                                      : QString());
}

void ResultsView::showQueries(const QString& queryLanguage, const QString& candidateLanguage) {
    if (!store_ || !run_ || suite_->count() == 0) return;
    store::CellKey key;
    key.suite = suite_->currentData().toString().toStdString();
    key.queryLang = queryLanguage.toStdString();
    if (candidateLanguage == QLatin1String(store::kMulColumn)) {
        key.setting = eval::Setting::Mul;
        key.candLang = store::kAllLanguages;
    } else {
        key.setting = queryLanguage == candidateLanguage ? eval::Setting::Mo : eval::Setting::Cr;
        key.candLang = candidateLanguage.toStdString();
    }
    shownPair_ = {queryLanguage, candidateLanguage};
    queries_->showCell(*store_, *run_, key);
    if (queries_->isHidden()) {
        queries_->show();
        const int height = split_->height();  // the heatmap keeps three fifths
        split_->setSizes({height * 3 / 5, height - height * 3 / 5});
    }
}

}  // namespace mtrec::ui
