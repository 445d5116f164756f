#include "results_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "charts/heatmap_view.h"
#include "grid_heatmaps.h"
#include "per_query_panel.h"
#include "report/run_tables.h"
#include "report/seen_unseen.h"
#include "report_table_model.h"
#include "run_config_facts.h"
#include "seen_unseen_model.h"
#include "store/experiment_store.h"
#include "table_export_menu.h"
#include "view_pickers.h"

namespace mtrec::ui {
namespace {

/// A compact read-only table: no row numbers, no wrapping, rows one line high, no scroll bars
/// (fitToContents makes it large enough).
QTableView* smallTable(QWidget* parent, const QString& objectName, QAbstractItemModel* model) {
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return view;
}

/// Sizes the columns to their contents and `view` to all of them and all its rows (a few: one per
/// set or language), so it needs no scroll bar.
void fitToContents(QTableView& view) {
    view.resizeColumnsToContents();
    const int frame = 2 * view.frameWidth();
    view.setFixedSize(
        view.horizontalHeader()->length() + frame,
        view.horizontalHeader()->sizeHint().height() + view.verticalHeader()->length() + frame);
}

QLabel* sectionTitle(QWidget* parent, const QString& text, const QString& tip) {
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text), parent);
    label->setToolTip(tip);
    return label;
}

std::vector<std::string> toStdStrings(const QStringList& items) {
    std::vector<std::string> out;
    for (const QString& item : items) out.push_back(item.toStdString());
    return out;
}

}  // namespace

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
    auto* besideHeatmap = new QSplitter(Qt::Horizontal, this);
    besideHeatmap->addWidget(heatmap_);
    besideHeatmap->addWidget(buildSidePanel());
    besideHeatmap->setStretchFactor(0, 1);
    besideHeatmap->setChildrenCollapsible(false);
    split_ = new QSplitter(Qt::Vertical, this);
    split_->addWidget(besideHeatmap);
    split_->addWidget(queries_);
    split_->setChildrenCollapsible(false);
    layout->addWidget(split_, 1);

    connect(suite_, &QComboBox::currentIndexChanged, this, &ResultsView::reload);
    connect(measure_, &QComboBox::currentIndexChanged, this, &ResultsView::reload);
    connect(heatmap_, &HeatmapView::cellLabelsClicked, this, &ResultsView::showQueries);
}

QWidget* ResultsView::buildSidePanel() {
    auto* panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("resultsSidePanel"));
    seenUnseen_ = new SeenUnseenModel(this);
    seenUnseenView_ = smallTable(panel, QStringLiteral("seenUnseenTable"), seenUnseen_);
    installTableExportMenu(seenUnseenView_, QStringLiteral("seen-unseen"));
    diagnostics_ = new ReportTableModel(this);
    diagnosticsView_ = smallTable(panel, QStringLiteral("diagnosticsTable"), diagnostics_);
    installTableExportMenu(diagnosticsView_, QStringLiteral("diagnostics"));
    diagnosticsTitle_ = sectionTitle(
        panel, tr("Diagnostics per query language"),
        tr("unk share: the share of unknown tokens in the language's queries and candidates; "
           "tied: pair queries whose relevant passage ties another candidate's score (ranked by "
           "document id), of all pair queries"));
    seenUnseenTitle_ = sectionTitle(
        panel, seenUnseen_->titleText(),
        tr("Seen: the run's training languages. Each set averages its own cells the way the "
           "overall summary does; mixed: the Cr pairs of one seen and one unseen language; RD: "
           "rank distance."));
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(seenUnseenTitle_);
    layout->addWidget(seenUnseenView_);
    layout->addSpacing(8);
    layout->addWidget(diagnosticsTitle_);
    layout->addWidget(diagnosticsView_);
    layout->addStretch(1);
    return panel;
}

void ResultsView::showRun(store::ExperimentStore& store, std::int64_t runId) {
    if (store_ != &store || runId_ != runId) queries_->hide();  // a redraw keeps the queries
    store_ = &store;
    runId_ = runId;
    auto run = store.runs().get(runId);
    run_ = run ? std::optional(std::move(run).value()) : std::nullopt;
    seenLanguages_ = run_ ? trainingLanguages(store, *run_) : QStringList();
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
    seenUnseen_->clear();
    diagnostics_->clear();
}

QString ResultsView::summaryText() const {
    return summary_->text();
}

void ResultsView::reload() {
    if (!store_ || suite_->count() == 0) {
        summary_->setText(store_ ? tr("Run #%1 has no results yet.").arg(runId_) : QString());
        heatmap_->setData({});
        seenUnseen_->clear();
        diagnostics_->clear();
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
    auto cells = store_->results().matrix(runId_, suite);
    if (cells) {
        showLanguageTables(suite, cells.value(), measure);
        for (const auto& cell : cells.value())
            if (cell.key.isSummary() && cell.metric == measure)
                parts.append(QStringLiteral("%1 %2")
                                 .arg(QString::fromUtf8(eval::settingName(cell.key.setting).data()))
                                 .arg(cell.value, 0, 'f', 3));
    }
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

void ResultsView::showLanguageTables(const std::string& suite,
                                     const std::vector<store::EvalCell>& cells,
                                     store::Measure measure) {
    seenUnseen_->setSummary(report::seenUnseenSummary(
        cells, suite, toStdStrings(seenLanguages_), measure.metric().value_or(eval::Metric::Map)));
    seenUnseenTitle_->setText(QStringLiteral("<b>%1</b>").arg(seenUnseen_->titleText()));
    fitToContents(*seenUnseenView_);
    auto languages = store_->results().languageDiagnostics(runId_, suite);
    const bool any = languages && !languages.value().empty();
    diagnostics_->setTable(any ? report::diagnosticsTable(languages.value(), suite)
                               : report::Table{});
    diagnosticsTitle_->setVisible(any);
    diagnosticsView_->setVisible(any);
    fitToContents(*diagnosticsView_);
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
