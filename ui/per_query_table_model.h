#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "per_query_rows.h"

namespace mtrec::ui {

/// The queries of one cell of one run and suite (see readPerQueryRows): query id, query text, AP,
/// and the rank of the first relevant candidate and the Mul rank distance where the store holds
/// them (those columns are left out otherwise). Read-only. kSortRole gives numbers as doubles (a
/// missing value as +∞, so it sorts after every value) for a QSortFilterProxyModel.
class PerQueryTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { QueryId, Text, AveragePrecision, FirstRelevantRank, RankDistance };
    static constexpr int kSortRole = Qt::UserRole;

    explicit PerQueryTableModel(QObject* parent = nullptr);

    /// Replaces the rows; `missingText` stands in the text column of queries without a text (e.g.
    /// "(suite data not found at PATH)").
    void setRows(PerQueryRows rows, const QString& missingText = {});
    void clear();
    const std::vector<Column>& columns() const { return columns_; }
    /// The view column of `column`, or -1 when it is not shown.
    int columnOf(Column column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const PerQueryRow& row, Column column) const;
    static QVariant sortValue(const PerQueryRow& row, Column column);

    std::vector<PerQueryRow> rows_;
    std::vector<Column> columns_;
    QString missingText_;
};

}  // namespace mtrec::ui
