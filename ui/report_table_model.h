#pragma once

#include <QAbstractTableModel>

#include "report/table_format.h"

namespace mtrec::ui {

/// A core/report table (as `mtrec runs show` prints it) as a read-only table model: its header, its
/// cells' texts with their marks ("-", nothing recorded, shown as "—"), its numeric columns
/// right-aligned, and its note as the tooltip of every cell and header. GUI thread.
class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ReportTableModel(QObject* parent = nullptr);

    void setTable(report::Table table);
    void clear() { setTable({}); }
    const report::Table& table() const { return table_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool isNumeric(int column) const;

    report::Table table_;
};

}  // namespace mtrec::ui
