#include "per_query_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "grid_heatmaps.h"
#include "per_query_table_model.h"
#include "run_config_facts.h"
#include "store/experiment_store.h"

namespace mtrec::ui {

PerQueryPanel::PerQueryPanel(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("perQueryTitle"));
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Hide the queries"));
    close->setAutoRaise(true);
    model_ = new PerQueryTableModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(PerQueryTableModel::kSortRole);
    table_ = new QTableView(this);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    QHeaderView* header = table_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(model_->columnOf(PerQueryTableModel::Column::Text),
                                 QHeaderView::Stretch);

    auto* bar = new QHBoxLayout;
    bar->addWidget(title_, 1);
    bar->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(table_, 1);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
}

void PerQueryPanel::showCell(store::ExperimentStore& store, const store::RunRecord& run,
                             const store::CellKey& key) {
    auto read = readPerQueryRows(store.results(), run.id, key);
    if (!read) {
        model_->clear();
        title_->setText(QString::fromStdString(read.error().message));
        return;
    }
    PerQueryRows rows = std::move(read).value();
    const QueryTexts::Texts& texts =
        rows.rows.empty() ? QueryTexts::Texts{}
                          : texts_.texts(suiteDataFolder(run, key.suite), key.suite, key.queryLang);
    for (PerQueryRow& row : rows.rows) row.text = texts.byQid.value(row.qid);
    const int queries = int(rows.rows.size());
    model_->setRows(std::move(rows), texts.problem);
    const bool sameCell = shownRunId_ == run.id && shownKey_ == key;
    if (!sameCell) table_->sortByColumn(-1, Qt::AscendingOrder);  // the store's order, by qid
    shownRunId_ = run.id;
    shownKey_ = key;
    title_->setText(cellTitle(run, key, queries));
}

void PerQueryPanel::clear() {
    model_->clear();
    shownRunId_ = 0;
    title_->clear();
}

QString PerQueryPanel::title() const {
    return title_->text();
}

QString PerQueryPanel::cellTitle(const store::RunRecord& run, const store::CellKey& key,
                                 int queries) {
    const QString queryLanguage = QString::fromStdString(key.queryLang);
    const QString pair =
        key.setting == eval::Setting::Mul
            ? tr("%1 queries → every language's candidates").arg(queryLanguage)
            : tr("%1 queries → %2 candidates")
                  .arg(queryLanguage, QString::fromStdString(key.candLang));
    const QString count = queries == 0 ? tr("no per-query values stored")
                                       : tr("%n queries", nullptr, queries);
    return tr("Run #%1 (%2), %3, %4: %5 — %6")
        .arg(QString::number(run.id), QString::fromStdString(run.name),
             suiteTitle(QString::fromStdString(key.suite)),
             QString::fromUtf8(eval::settingName(key.setting).data()), pair, count);
}

}  // namespace mtrec::ui
