#include "runs_filter_proxy.h"

#include "runs_tree_model.h"

namespace mtrec::ui {

RunsFilterProxy::RunsFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setRecursiveFilteringEnabled(true);
    setSortRole(RunsTreeModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RunsFilterProxy::setText(const QString& text) {
    changeCriterion(text_, text);
}

void RunsFilterProxy::setTag(const QString& tag) {
    changeCriterion(tag_, tag);
}

void RunsFilterProxy::setStrategy(const QString& strategy) {
    changeCriterion(strategy_, strategy);
}

void RunsFilterProxy::setStatus(const QString& status) {
    changeCriterion(status_, status);
}

void RunsFilterProxy::changeCriterion(QString& criterion, const QString& value) {
    if (criterion == value) return;
    criterion = value;
    invalidateRowsFilter();
}

bool RunsFilterProxy::anyCriterion() const {
    return !text_.isEmpty() || !tag_.isEmpty() || !strategy_.isEmpty() || !status_.isEmpty();
}

bool RunsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    // A group row shows through its runs (recursive filtering), never on its own.
    if (row.data(RunsTreeModel::IsGroupRole).toBool()) return !anyCriterion();
    if (!tag_.isEmpty() && !row.data(RunsTreeModel::TagsRole).toStringList().contains(tag_))
        return false;
    if (!strategy_.isEmpty() && row.data(RunsTreeModel::StrategyRole).toString() != strategy_)
        return false;
    if (!status_.isEmpty() && row.data(RunsTreeModel::StatusRole).toString() != status_)
        return false;
    return text_.isEmpty() ||
           row.data(RunsTreeModel::FilterTextRole).toString().contains(text_, Qt::CaseInsensitive);
}

}  // namespace mtrec::ui
