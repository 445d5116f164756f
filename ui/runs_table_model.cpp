#include "runs_table_model.h"

#include <QDateTime>
#include <QLocale>

namespace mtrec::ui {
namespace {

/// The summary value of `setting` for the first suite that has one, if any.
std::optional<double> settingValue(const store::RunListing& listing, const char* setting) {
    for (const auto& value : listing.summary)
        if (eval::settingName(value.setting) == setting) return value.value;
    return std::nullopt;
}

const char* settingOfColumn(int column) {
    switch (column) {
        case RunsTableModel::MoMap:
            return "Mo";
        case RunsTableModel::CrMap:
            return "Cr";
        default:
            return "Mul";
    }
}

}  // namespace

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsTableModel::setRuns(std::vector<store::RunListing> runs) {
    beginResetModel();
    runs_ = std::move(runs);
    endResetModel();
}

const store::RunListing* RunsTableModel::runAt(int row) const {
    if (row < 0 || row >= static_cast<int>(runs_.size())) return nullptr;
    return &runs_[static_cast<std::size_t>(row)];
}

int RunsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    const store::RunListing* listing = index.isValid() ? runAt(index.row()) : nullptr;
    if (!listing || index.column() < 0 || index.column() >= ColumnCount) return {};
    switch (role) {
        case Qt::DisplayRole:
            return displayValue(*listing, index.column());
        case Qt::UserRole:
            return sortValue(*listing, index.column());
        case Qt::TextAlignmentRole:
            return index.column() >= MoMap || index.column() == Id || index.column() == Seed
                       ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant();
        case Qt::ToolTipRole:
            if (index.column() == Status && listing->run.errorText)
                return QString::fromStdString(*listing->run.errorText);
            return {};
        default:
            return {};
    }
}

QVariant RunsTableModel::displayValue(const store::RunListing& listing, int column) const {
    const store::RunRecord& run = listing.run;
    switch (column) {
        case Id:
            return QVariant::fromValue<qlonglong>(run.id);
        case Name:
            return QString::fromStdString(run.name);
        case Strategy:
            return QString::fromStdString(run.strategy);
        case Seed:
            return QVariant::fromValue<qlonglong>(run.seed);
        case Status:
            return QString::fromUtf8(store::statusName(run.status).data());
        case Created:
            return QDateTime::fromMSecsSinceEpoch(run.createdAtMs)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        default: {
            const auto value = settingValue(listing, settingOfColumn(column));
            return value ? QString::number(*value, 'f', 4) : QString();
        }
    }
}

QVariant RunsTableModel::sortValue(const store::RunListing& listing, int column) const {
    if (column >= MoMap) {
        const auto value = settingValue(listing, settingOfColumn(column));
        return value ? QVariant(*value) : QVariant(-1.0);
    }
    if (column == Created) return QVariant::fromValue<qlonglong>(listing.run.createdAtMs);
    return displayValue(listing, column);
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Id:
            return tr("ID");
        case Name:
            return tr("Name");
        case Strategy:
            return tr("Strategy");
        case Seed:
            return tr("Seed");
        case Status:
            return tr("Status");
        case Created:
            return tr("Created");
        case MoMap:
            return tr("Mo mAP");
        case CrMap:
            return tr("Cr mAP");
        case MulMap:
            return tr("Mul mAP");
        default:
            return {};
    }
}

}  // namespace mtrec::ui
