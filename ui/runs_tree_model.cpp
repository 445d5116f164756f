#include "runs_tree_model.h"

#include <algorithm>
#include <cmath>

#include "analysis/seed_groups.h"
#include "run_groups.h"
#include "run_tags.h"
#include "runs_tree_cells.h"
#include "store/experiment_store.h"

namespace mtrec::ui {
namespace {

constexpr std::array<store::RunStatus, 6> kStatuses = {
    store::RunStatus::Queued, store::RunStatus::Running,   store::RunStatus::Finished,
    store::RunStatus::Failed, store::RunStatus::Cancelled, store::RunStatus::Interrupted};

std::optional<double> metricOf(const RunRow& row, int column) {
    switch (column) {
        case RunsTreeModel::MoMap:
            return row.moMap;
        case RunsTreeModel::CrMap:
            return row.crMap;
        case RunsTreeModel::MulMap:
            return row.mulMap;
        case RunsTreeModel::CrSeen:
            return row.crSeen;
        case RunsTreeModel::CrUnseen:
            return row.crUnseen;
        case RunsTreeModel::MulSeen:
            return row.mulSeen;
        case RunsTreeModel::MulUnseen:
            return row.mulUnseen;
        default:
            return row.rankDistance;
    }
}

/// The place of a metric column in RunsTreeModel::kMetricColumns.
std::size_t statIndex(int column) {
    const auto& columns = RunsTreeModel::kMetricColumns;
    return std::size_t(std::find(columns.begin(), columns.end(), column) - columns.begin());
}

}  // namespace

bool RunsTreeModel::isMetricColumn(int column) {
    return statIndex(column) < kMetricColumns.size();
}

RunsTreeModel::RunsTreeModel(QObject* parent) : QAbstractItemModel(parent) {
    for (std::size_t i = 0; i < kStatuses.size(); ++i) statusIcons_[i] = statusIcon(kStatuses[i]);
    contaminatedIcon_ = contaminatedIcon();
}

void RunsTreeModel::setRows(std::vector<RunRow> rows, std::int64_t nowMs) {
    beginResetModel();
    rows_ = std::move(rows);
    nowMs_ = nowMs;
    entries_.clear();
    entryOfRow_.assign(rows_.size(), 0);
    childOfRow_.assign(rows_.size(), -1);
    for (std::vector<std::size_t>& members : seedGroupsOfRows(rows_)) {
        Entry entry;
        entry.runs = std::move(members);
        for (std::size_t child = 0; child < entry.runs.size(); ++child) {
            entryOfRow_[entry.runs[child]] = static_cast<std::int32_t>(entries_.size());
            if (entry.isGroup()) childOfRow_[entry.runs[child]] = static_cast<std::int32_t>(child);
        }
        for (const int column : kMetricColumns) {
            std::vector<double> values;
            for (std::size_t row : entry.runs)
                if (auto value = metricOf(rows_[row], column)) values.push_back(*value);
            if (values.empty()) continue;
            const analysis::MeanStd stats = analysis::meanAndStd(values);
            entry.stats[statIndex(column)] =
                Stat{stats.mean, stats.std, static_cast<int>(values.size())};
        }
        entries_.push_back(std::move(entry));
    }
    endResetModel();
}

const RunsTreeModel::Entry* RunsTreeModel::entryOf(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this) return nullptr;
    const std::size_t entry =
        index.internalId() == 0 ? std::size_t(index.row()) : std::size_t(index.internalId() - 1);
    return entry < entries_.size() ? &entries_[entry] : nullptr;
}

bool RunsTreeModel::isGroupRow(const QModelIndex& index) const {
    const Entry* entry = entryOf(index);
    return entry && index.internalId() == 0 && entry->isGroup();
}

const RunRow* RunsTreeModel::runAt(const QModelIndex& index) const {
    const Entry* entry = entryOf(index);
    if (!entry) return nullptr;
    if (index.internalId() == 0) return entry->isGroup() ? nullptr : &rows_[entry->runs.front()];
    return std::size_t(index.row()) < entry->runs.size()
               ? &rows_[entry->runs[std::size_t(index.row())]]
               : nullptr;
}

QModelIndex RunsTreeModel::indexOfRun(std::int64_t runId, int column) const {
    for (std::size_t row = 0; row < rows_.size(); ++row) {
        if (rows_[row].run.id != runId) continue;
        const int entry = entryOfRow_[row];
        if (childOfRow_[row] < 0) return index(entry, column);
        return index(childOfRow_[row], column, index(entry, 0));
    }
    return {};
}

QModelIndex RunsTreeModel::indexOfKey(const QString& key, int column) const {
    const qint64 id = key.section(u':', 1).toLongLong();
    if (key.startsWith(QStringLiteral("run:"))) return indexOfRun(id, column);
    for (std::size_t entry = 0; entry < entries_.size(); ++entry)
        if (entries_[entry].isGroup() && rows_[entries_[entry].runs.front()].run.id == id &&
            key.startsWith(QStringLiteral("group:")))
            return index(int(entry), column);
    return {};
}

QString RunsTreeModel::keyOf(const QModelIndex& index) const {
    if (const RunRow* row = runAt(index)) return QStringLiteral("run:%1").arg(row->run.id);
    const Entry* entry = entryOf(index);
    return entry ? QStringLiteral("group:%1").arg(rows_[entry->runs.front()].run.id) : QString();
}

void RunsTreeModel::setBaselineKey(const QString& key) {
    baselineKey_ = indexOfKey(key).isValid() ? key : QString();
    if (entries_.empty()) return;
    Q_EMIT dataChanged(index(0, 0), index(int(entries_.size()) - 1, ColumnCount - 1));
    for (std::size_t entry = 0; entry < entries_.size(); ++entry) {
        if (!entries_[entry].isGroup()) continue;
        const QModelIndex group = index(int(entry), 0);
        Q_EMIT dataChanged(index(0, 0, group),
                           index(int(entries_[entry].runs.size()) - 1, ColumnCount - 1, group));
    }
}

bool RunsTreeModel::isBaseline(const QModelIndex& index) const {
    return !baselineKey_.isEmpty() && keyOf(index) == baselineKey_;
}

std::optional<RunsTreeModel::Stat> RunsTreeModel::statOf(const QModelIndex& index,
                                                         int column) const {
    if (!isMetricColumn(column)) return std::nullopt;
    if (const RunRow* row = runAt(index)) {
        const auto value = metricOf(*row, column);
        return value ? std::optional<Stat>(Stat{*value, NAN, 1}) : std::nullopt;
    }
    const Entry* entry = entryOf(index);
    return entry ? entry->stats[statIndex(column)] : std::nullopt;
}

std::optional<double> RunsTreeModel::baselineMean(int column) const {
    if (baselineKey_.isEmpty()) return std::nullopt;
    const auto stat = statOf(indexOfKey(baselineKey_), column);
    return stat ? std::optional<double>(stat->mean) : std::nullopt;
}

std::optional<std::int64_t> RunsTreeModel::durationOf(const RunRow& row) const {
    if (!row.run.startedAtMs) return std::nullopt;
    const bool running = row.run.status == store::RunStatus::Running;
    if (running) return nowMs_ - *row.run.startedAtMs;
    if (!row.run.finishedAtMs) return std::nullopt;
    return *row.run.finishedAtMs - *row.run.startedAtMs;
}

QModelIndex RunsTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid())
        return std::size_t(row) < entries_.size() ? createIndex(row, column, quintptr(0))
                                                  : QModelIndex();
    if (!isGroupRow(parent) || parent.column() != 0) return {};
    const Entry& group = entries_[std::size_t(parent.row())];
    return std::size_t(row) < group.runs.size()
               ? createIndex(row, column, quintptr(parent.row()) + 1)
               : QModelIndex();
}

QModelIndex RunsTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0) return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int RunsTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(entries_.size());
    if (parent.column() != 0 || !isGroupRow(parent)) return 0;
    return int(entries_[std::size_t(parent.row())].runs.size());
}

int RunsTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

Qt::ItemFlags RunsTreeModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractItemModel::flags(index);
    if (runAt(index) && (index.column() == Tags || index.column() == Notes))
        flags |= Qt::ItemIsEditable;
    return flags;
}

}  // namespace mtrec::ui
