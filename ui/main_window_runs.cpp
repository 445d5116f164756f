// MainWindow: the runs tree — its filters, selection, pinned baseline and reloading as the store
// changes.
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "app_settings.h"
#include "compare_view.h"
#include "main_window.h"
#include "run_row.h"
#include "runs_filter_proxy.h"
#include "runs_progress_delegate.h"
#include "runs_tree_model.h"
#include "table_export_menu.h"

namespace mtrec::ui {
namespace {

constexpr int kStatusMessageMs = 10000;
constexpr int kRowsToFit = 50;

QComboBox* filterCombo(QWidget* parent, const QString& objectName, const QString& tip) {
    auto* combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setToolTip(tip);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
    return combo;
}

/// Puts "every …" (no filter, empty data) and `values` in the combo, keeping the chosen value when
/// it is still there.
void refillCombo(QComboBox& combo, const QString& everyLabel, const QStringList& values) {
    const QString chosen = combo.currentData().toString();
    const QSignalBlocker quiet(&combo);
    combo.clear();
    combo.addItem(everyLabel, QString());
    for (const QString& value : values) combo.addItem(value, value);
    combo.setCurrentIndex(std::max(0, combo.findData(chosen)));
}

/// Right-click on the header: a tick per column, to hide the ones a narrow panel cannot show.
void showColumnsMenu(QTreeView& view, const QPoint& position) {
    QMenu menu(&view);
    QAbstractItemModel& model = *view.model();
    for (int column = 0; column < model.columnCount(); ++column) {
        QAction* shown = menu.addAction(model.headerData(column, Qt::Horizontal).toString());
        shown->setCheckable(true);
        shown->setChecked(!view.isColumnHidden(column));
        shown->setEnabled(column != RunsTreeModel::Name);
        QObject::connect(shown, &QAction::toggled, &view,
                         [&view, column](bool on) { view.setColumnHidden(column, !on); });
    }
    menu.exec(view.header()->viewport()->mapToGlobal(position));
}

/// Whether a cell editor (a tag or note being typed) is open in the view: editors are the
/// viewport's only child widgets, and a closed one is hidden before it is deleted.
bool editorOpen(const QAbstractItemView& view) {
    const QList<QWidget*> children =
        view.viewport()->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly);
    return std::any_of(children.begin(), children.end(),
                       [](const QWidget* child) { return !child->isHidden(); });
}

QStringList sorted(const std::set<QString>& values) {
    return QStringList(values.begin(), values.end());
}

/// The run ids in a KeyRole ("run:12", "group:12"): a group's first run.
qint64 runOfKey(const QString& key) {
    return key.section(u':', 1).toLongLong();
}

}  // namespace

QWidget* MainWindow::buildRunsTree(QWidget* parent) {
    runsModel_ = new RunsTreeModel(this);
    runsProxy_ = new RunsFilterProxy(this);
    runsProxy_->setSourceModel(runsModel_);
    auto* panel = new QWidget(parent);
    auto* layout = new QVBoxLayout(panel);
    layout->addLayout(buildRunsFilters(panel));

    runsView_ = new QTreeView(panel);
    runsView_->setObjectName(QStringLiteral("runsTree"));
    runsView_->setModel(runsProxy_);
    // The seen/unseen columns are wide company in a narrow panel: the header's menu shows them.
    for (const int column : {RunsTreeModel::CrSeen, RunsTreeModel::CrUnseen, RunsTreeModel::MulSeen,
                             RunsTreeModel::MulUnseen})
        runsView_->setColumnHidden(column, true);
    runsView_->setItemDelegateForColumn(RunsTreeModel::Steps, new RunsProgressDelegate(runsView_));
    runsView_->setSortingEnabled(true);
    runsView_->sortByColumn(RunsTreeModel::Id, Qt::DescendingOrder);
    runsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    runsView_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    runsView_->setEditTriggers(QAbstractItemView::DoubleClicked |
                               QAbstractItemView::EditKeyPressed |
                               QAbstractItemView::SelectedClicked);
    runsView_->setUniformRowHeights(true);
    runsView_->setAlternatingRowColors(true);
    runsView_->setAllColumnsShowFocus(true);
    runsView_->setContextMenuPolicy(Qt::CustomContextMenu);
    runsView_->header()->setStretchLastSection(false);
    runsView_->header()->setSectionsMovable(true);
    // Fitting the columns reads the first rows only (fitting all of 1,000 runs takes 0.1 s).
    runsView_->header()->setResizeContentsPrecision(kRowsToFit);

    connect(runsView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::selectionChanged);
    connect(runsView_, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        const bool editable = index.flags().testFlag(Qt::ItemIsEditable);
        if (!editable && !index.data(RunsTreeModel::IsGroupRole).toBool())
            showView(QStringLiteral("results"));
    });
    connect(runsView_, &QWidget::customContextMenuRequested, this, &MainWindow::showRunsMenu);
    // The export actions join the runs menu (showRunsMenu): one popup on right-click, not two.
    runsView_->disconnect(installTableExportMenu(runsView_, QStringLiteral("runs")));
    runsView_->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(runsView_->header(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint& position) { showColumnsMenu(*runsView_, position); });
    connect(runsModel_, &RunsTreeModel::writeFailed, this, [this](const QString& message) {
        statusBar()->showMessage(message, kStatusMessageMs);
    });
    layout->addWidget(runsView_);
    return panel;
}

QLayout* MainWindow::buildRunsFilters(QWidget* parent) {
    filterEdit_ = new QLineEdit(parent);
    filterEdit_->setObjectName(QStringLiteral("runsFilter"));
    filterEdit_->setPlaceholderText(
        tr("Filter runs by id, name, strategy, status, tag or note (Ctrl+F)"));
    filterEdit_->setToolTip(
        tr("Shows the runs whose id, name, strategy, status, tags or latest "
           "note contain this text"));
    filterEdit_->setClearButtonEnabled(true);
    connect(filterEdit_, &QLineEdit::textChanged, runsProxy_, &RunsFilterProxy::setText);

    tagFilter_ = filterCombo(parent, QStringLiteral("tagFilter"), tr("Only runs with this tag"));
    strategyFilter_ =
        filterCombo(parent, QStringLiteral("strategyFilter"), tr("Only runs of this strategy"));
    statusFilter_ =
        filterCombo(parent, QStringLiteral("statusFilter"), tr("Only runs in this status"));
    // The proxy is captured, not `this`: g++ 12 with -fsanitize=undefined miscompiles
    // `(runsProxy_->*set)(...)` through an implicit `this` in a lambda (it reads a wrong `this`;
    // docs/robustness.md, "What they found").
    const auto follow = [this](QComboBox* combo, void (RunsFilterProxy::*set)(const QString&)) {
        connect(combo, &QComboBox::currentIndexChanged, this, [proxy = runsProxy_, combo, set] {
            (proxy->*set)(combo->currentData().toString());
        });
    };
    follow(tagFilter_, &RunsFilterProxy::setTag);
    follow(strategyFilter_, &RunsFilterProxy::setStrategy);
    follow(statusFilter_, &RunsFilterProxy::setStatus);
    refillRunsFilters();

    auto* combos = new QHBoxLayout;
    for (QComboBox* combo : {tagFilter_, strategyFilter_, statusFilter_})
        combos->addWidget(combo, 1);
    auto* rows = new QVBoxLayout;
    rows->addWidget(filterEdit_);
    rows->addLayout(combos);
    return rows;
}

void MainWindow::refillRunsFilters() {
    std::set<QString> tags, strategies;
    for (int row = 0; row < runsModel_->rowCount(); ++row) {
        const QModelIndex index = runsModel_->index(row, 0);
        for (const QString& tag : index.data(RunsTreeModel::TagsRole).toStringList())
            tags.insert(tag);
        strategies.insert(index.data(RunsTreeModel::StrategyRole).toString());
    }
    refillCombo(*tagFilter_, tr("Every tag"), sorted(tags));
    refillCombo(*strategyFilter_, tr("Every strategy"), sorted(strategies));
    QStringList statuses;
    for (const char* status :
         {"queued", "running", "finished", "failed", "cancelled", "interrupted"})
        statuses.append(QString::fromLatin1(status));
    refillCombo(*statusFilter_, tr("Every status"), statuses);
}

void MainWindow::showRunsMenu(const QPoint& position) {
    const QModelIndex index = runsView_->indexAt(position);
    QMenu menu(this);
    const QString key = index.data(RunsTreeModel::KeyRole).toString();
    if (!key.isEmpty() && key != runsModel_->baselineKey())
        menu.addAction(tr("Pin as baseline"), this, [this, key] { pinBaseline(key); });
    if (!runsModel_->baselineKey().isEmpty())
        menu.addAction(tr("Unpin baseline"), this, [this] { pinBaseline(QString()); });
    if (const auto* exportMenu = TableExportMenu::of(runsView_)) {
        if (!menu.isEmpty()) menu.addSeparator();
        menu.addActions(exportMenu->menu()->actions());
    }
    menu.exec(runsView_->viewport()->mapToGlobal(position));
}

void MainWindow::pinBaseline(const QString& key) {
    runsModel_->setBaselineKey(key);
    settings_->setPinnedBaseline(QString::fromStdString(store_->path()), runsModel_->baselineKey());
}

void MainWindow::selectionChanged(const QItemSelection& selected,
                                  const QItemSelection& deselected) {
    for (const QModelIndex& index : deselected.indexes())
        if (index.column() == 0)
            selectedKeys_.removeAll(index.data(RunsTreeModel::KeyRole).toString());
    for (const QModelIndex& index : selected.indexes()) {
        const QString key = index.data(RunsTreeModel::KeyRole).toString();
        if (index.column() == 0 && !selectedKeys_.contains(key)) selectedKeys_.append(key);
    }
    selected_.clear();
    for (const QString& key : selectedKeys_)
        if (!selected_.contains(runOfKey(key))) selected_.append(runOfKey(key));
    if (!restoringSelection_) showSelection();
}

void MainWindow::selectKeys(const QStringList& keys) {
    runsView_->clearSelection();
    selectedKeys_.clear();
    selected_.clear();
    for (const QString& key : keys) {
        const QModelIndex row = runsProxy_->mapFromSource(runsModel_->indexOfKey(key));
        if (!row.isValid()) continue;
        if (row.parent().isValid()) runsView_->expand(row.parent());
        runsView_->selectionModel()->select(
            row, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void MainWindow::selectRuns(const QList<qint64>& runIds) {
    QStringList keys;
    for (qint64 id : runIds) keys.append(QStringLiteral("run:%1").arg(id));
    selectKeys(keys);
}

void MainWindow::followGroupSelection() {
    const bool group =
        std::any_of(selectedKeys_.begin(), selectedKeys_.end(),
                    [](const QString& key) { return key.startsWith(QStringLiteral("group:")); });
    if (group == seedGroupsBySelection_) return;
    seedGroupsBySelection_ = group;
    compare_->clear();  // so that switching the mode does not compare the previous runs again
    compare_->setSeedGroups(group);
}

QStringList MainWindow::expandedGroups() const {
    QStringList keys;
    for (int row = 0; row < runsProxy_->rowCount(); ++row) {
        const QModelIndex index = runsProxy_->index(row, 0);
        if (runsView_->isExpanded(index))
            keys.append(index.data(RunsTreeModel::KeyRole).toString());
    }
    return keys;
}

void MainWindow::followChanges() {
    // Reloading would close a tag or note editor the user is typing in; catch up once it closes.
    if (editorOpen(*runsView_)) return;
    auto changes = store_->changes().since(seenVersion_);
    if (!changes) return;  // a busy writer: the next tick reads it
    seenVersion_ = changes.value().version;
    if (changes.value().runIds.empty()) return;
    // Every run the views show: a selected group's runs too, which its seed-group compare reads.
    std::set<qint64> shown(selected_.begin(), selected_.end());
    for (const QString& key : selectedKeys_)
        for (qint64 id :
             runsModel_->indexOfKey(key).data(RunsTreeModel::RunIdsRole).value<QList<qint64>>())
            shown.insert(id);
    const QList<qint64> before = selected_;
    reloadRuns(&changes.value().runIds);  // keeps the selection without redrawing the views
    // Redraw them (a compare test takes most of a second) only when a run they show was written
    // or left the selection.
    const std::vector<std::int64_t>& written = changes.value().runIds;
    const bool shownChanged = std::any_of(
        written.begin(), written.end(), [&shown](std::int64_t id) { return shown.count(id) > 0; });
    if (shownChanged || selected_ != before) showSelection();
}

void MainWindow::refreshRuns() {
    reloadRuns(nullptr);
}

void MainWindow::reloadRuns(const std::vector<std::int64_t>* written) {
    auto rows = written ? readRunRows(*store_, runsModel_->rows(), *written) : readRunRows(*store_);
    if (!rows) {
        statusBar()->showMessage(
            tr("Could not read runs: %1").arg(QString::fromStdString(rows.error().message)));
        return;
    }
    const QStringList expanded = expandedGroups();
    const QStringList keep = selectedKeys_;
    const bool firstRows = runsModel_->runCount() == 0;
    runsModel_->setStore(store_.get());  // where tag and note edits go
    runsModel_->setRows(std::move(rows).value(), store_->now());
    refillRunsFilters();
    for (const QString& key : expanded)
        runsView_->expand(runsProxy_->mapFromSource(runsModel_->indexOfKey(key)));
    restoringSelection_ = true;
    selectKeys(keep);
    restoringSelection_ = false;
    const int count = runsModel_->runCount();
    if (firstRows && count > 0)
        for (int column = 0; column < RunsTreeModel::ColumnCount; ++column)
            runsView_->resizeColumnToContents(column);
    runsStack_->setCurrentIndex(count == 0 && !welcomeDismissed_ ? 1 : 0);
    statusBar()->showMessage(count == 1 ? tr("1 run") : tr("%1 runs").arg(count));
}

}  // namespace mtrec::ui
