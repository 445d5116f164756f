#pragma once

#include <QSortFilterProxyModel>

namespace mtrec::ui {

/// Sorts and filters a RunsTreeModel: by text (in a run's id, name, strategy, status, tags and
/// latest note, case-insensitive), by tag, by strategy and by status. The filters test runs; a
/// group row shows while any of its runs does (recursive filtering), with only those runs under it.
/// Sorting uses RunsTreeModel::SortRole and orders a group's runs among themselves, under it.
/// An empty criterion accepts every run.
class RunsFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsFilterProxy(QObject* parent = nullptr);

    void setText(const QString& text);
    void setTag(const QString& tag);
    void setStrategy(const QString& strategy);
    void setStatus(const QString& status);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool anyCriterion() const;
    void changeCriterion(QString& criterion, const QString& value);

    QString text_;
    QString tag_;
    QString strategy_;
    QString status_;
};

}  // namespace mtrec::ui
