#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "store/run_record.h"

namespace mtrec::ui {

/// The runs of an experiments database as a table: id, name, strategy, seed, status, created time
/// and the Mo/Cr/Mul mAP of the first suite each run was evaluated on. Holds a copy of the
/// listings; call setRuns() to refresh. Sorting is left to a QSortFilterProxyModel (Qt::UserRole
/// gives sort keys).
class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Name, Strategy, Seed, Status, Created, MoMap, CrMap, MulMap, ColumnCount };

    explicit RunsTableModel(QObject* parent = nullptr);

    void setRuns(std::vector<store::RunListing> runs);
    const store::RunListing* runAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const store::RunListing& listing, int column) const;
    QVariant sortValue(const store::RunListing& listing, int column) const;

    std::vector<store::RunListing> runs_;
};

}  // namespace mtrec::ui
