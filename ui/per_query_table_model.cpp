#include "per_query_table_model.h"

#include <limits>

namespace mtrec::ui {
namespace {

constexpr int kValueDecimals = 4;

bool isNumeric(PerQueryTableModel::Column column) {
    return column != PerQueryTableModel::Column::QueryId &&
           column != PerQueryTableModel::Column::Text;
}

QString dash() {
    return QStringLiteral("–");
}

}  // namespace

PerQueryTableModel::PerQueryTableModel(QObject* parent) : QAbstractTableModel(parent) {
    clear();
}

void PerQueryTableModel::setRows(PerQueryRows rows, const QString& missingText) {
    beginResetModel();
    rows_ = std::move(rows.rows);
    missingText_ = missingText;
    columns_ = {Column::QueryId, Column::Text, Column::AveragePrecision};
    if (rows.hasRank) columns_.push_back(Column::FirstRelevantRank);
    if (rows.hasRankDistance) columns_.push_back(Column::RankDistance);
    endResetModel();
}

void PerQueryTableModel::clear() {
    setRows({});
}

int PerQueryTableModel::columnOf(Column column) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i] == column) return int(i);
    return -1;
}

int PerQueryTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int PerQueryTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(columns_.size());
}

QVariant PerQueryTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PerQueryRow& row = rows_[std::size_t(index.row())];
    const Column column = columns_[std::size_t(index.column())];
    switch (role) {
        case Qt::DisplayRole:
            return display(row, column);
        case Qt::ToolTipRole:
            return column == Column::Text ? display(row, column) : QVariant();
        case Qt::TextAlignmentRole:
            return isNumeric(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
        case kSortRole:
            return sortValue(row, column);
        default:
            return {};
    }
}

QVariant PerQueryTableModel::display(const PerQueryRow& row, Column column) const {
    switch (column) {
        case Column::QueryId:
            return row.qid;
        case Column::Text:
            return row.text.isEmpty() ? missingText_ : row.text;
        case Column::AveragePrecision:
            return std::isfinite(row.averagePrecision)
                       ? QString::number(row.averagePrecision, 'f', kValueDecimals)
                       : dash();
        case Column::FirstRelevantRank:
            if (!row.firstRelevantRank) return dash();
            return *row.firstRelevantRank > 0 ? QString::number(*row.firstRelevantRank)
                                              : tr("none ranked");
        case Column::RankDistance:
            return std::isfinite(row.rankDistance) ? QString::number(row.rankDistance, 'g', 6)
                                                   : dash();
    }
    return {};
}

QVariant PerQueryTableModel::sortValue(const PerQueryRow& row, Column column) {
    constexpr double kMissing = std::numeric_limits<double>::infinity();
    switch (column) {
        case Column::QueryId:
            return row.qid;
        case Column::Text:
            return row.text;
        case Column::AveragePrecision:
            return std::isfinite(row.averagePrecision) ? row.averagePrecision : kMissing;
        case Column::FirstRelevantRank:
            return row.firstRelevantRank && *row.firstRelevantRank > 0
                       ? double(*row.firstRelevantRank)
                       : kMissing;
        case Column::RankDistance:
            return std::isfinite(row.rankDistance) ? row.rankDistance : kMissing;
    }
    return {};
}

QVariant PerQueryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= int(columns_.size())) return {};
    const Column column = columns_[std::size_t(section)];
    if (role == Qt::DisplayRole) {
        switch (column) {
            case Column::QueryId:
                return tr("Query id");
            case Column::Text:
                return tr("Query");
            case Column::AveragePrecision:
                return tr("AP");
            case Column::FirstRelevantRank:
                return tr("Rank of first relevant");
            case Column::RankDistance:
                return tr("Rank distance");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
            case Column::AveragePrecision:
                return tr("Average precision of the query's ranking (trec_eval map)");
            case Column::FirstRelevantRank:
                return tr("1 / the stored reciprocal rank (trec_eval recip_rank)");
            case Column::RankDistance:
                return tr("Max − min Mul rank of the query's relevant candidates across "
                          "languages");
            default:
                return {};
        }
    }
    return {};
}

}  // namespace mtrec::ui
