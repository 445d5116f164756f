#include "report_table_model.h"

namespace mtrec::ui {

ReportTableModel::ReportTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReportTableModel::setTable(report::Table table) {
    beginResetModel();
    table_ = std::move(table);
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(table_.rows.size());
}

int ReportTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(table_.header.size());
}

bool ReportTableModel::isNumeric(int column) const {
    return std::size_t(column) < table_.numeric.size() && table_.numeric[std::size_t(column)];
}

QVariant ReportTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& row = table_.rows[std::size_t(index.row())];
    if (std::size_t(index.column()) >= row.size()) return {};
    const report::TableCell& cell = row[std::size_t(index.column())];
    switch (role) {
        case Qt::DisplayRole:
            return cell.text == "-" ? QStringLiteral("—")
                                    : QString::fromStdString(cell.text + cell.mark);
        case Qt::ToolTipRole:
            return table_.note.empty() ? QVariant() : QString::fromStdString(table_.note);
        case Qt::TextAlignmentRole:
            return isNumeric(index.column()) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant();
        default:
            return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 ||
        std::size_t(section) >= table_.header.size())
        return {};
    if (role == Qt::DisplayRole) return QString::fromStdString(table_.header[std::size_t(section)]);
    if (role == Qt::ToolTipRole && !table_.note.empty()) return QString::fromStdString(table_.note);
    return {};
}

}  // namespace mtrec::ui
