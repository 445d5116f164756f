// RunsTreeModel: what each cell shows, sorts by and says in its tooltip.
#include <QDateTime>
#include <QFont>
#include <algorithm>
#include <map>
#include <set>

#include "run_tags.h"
#include "runs_tree_cells.h"
#include "runs_tree_model.h"

namespace mtrec::ui {
namespace {

bool isNumericColumn(int column) {
    return column == RunsTreeModel::Id || column == RunsTreeModel::Seed ||
           column == RunsTreeModel::Steps || column == RunsTreeModel::Duration ||
           RunsTreeModel::isMetricColumn(column);
}

QString statusText(store::RunStatus status) {
    return QString::fromUtf8(store::statusName(status).data());
}

QString timeText(std::int64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString firstLine(const QString& text) {
    const qsizetype end = text.indexOf(u'\n');
    return end < 0 ? text : text.left(end) + QStringLiteral(" …");
}

/// "3 finished" for a group whose runs agree, else "2 finished, 1 running" (in lifecycle order).
QString groupStatusText(const std::vector<store::RunStatus>& statuses) {
    std::map<store::RunStatus, int> counts;
    for (store::RunStatus status : statuses) ++counts[status];
    QStringList parts;
    for (const auto& [status, count] : counts)
        parts.append(QStringLiteral("%1 %2").arg(count).arg(statusText(status)));
    return parts.join(QStringLiteral(", "));
}

/// The status a group's icon shows: the one that most needs attention.
store::RunStatus groupStatus(const std::vector<store::RunStatus>& statuses) {
    using S = store::RunStatus;
    for (S wanted : {S::Running, S::Failed, S::Interrupted, S::Cancelled, S::Queued})
        if (std::find(statuses.begin(), statuses.end(), wanted) != statuses.end()) return wanted;
    return S::Finished;
}

}  // namespace

QVariant RunsTreeModel::data(const QModelIndex& index, int role) const {
    const Entry* entry = entryOf(index);
    if (!entry || index.column() < 0 || index.column() >= ColumnCount) return {};
    const RunRow* row = runAt(index);
    switch (role) {
        case SortRole:
            return sortKey(index);
        case IsGroupRole:
            return row == nullptr;
        case KeyRole:
            return keyOf(index);
        case Qt::FontRole:
            if (!isBaseline(index)) return {};
            {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
        case Qt::TextAlignmentRole:
            return isNumericColumn(index.column()) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                   : QVariant();
        default:
            break;
    }
    if (isMetricColumn(index.column()) && role == Qt::DisplayRole) return metricDisplay(index);
    if (isMetricColumn(index.column()) && role == Qt::ToolTipRole) return metricToolTip(index);
    return row ? runData(index, *row, role) : groupData(index, *entry, role);
}

QVariant RunsTreeModel::runData(const QModelIndex& index, const RunRow& row, int role) const {
    const store::RunRecord& run = row.run;
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return runDisplay(index, row);
        case Qt::EditRole:
            if (column == Tags) return tagsText(run.tags);
            if (column == Notes) return row.latestNote;
            return runDisplay(index, row);
        case Qt::DecorationRole:
            if (column == Name && !run.contaminated.empty()) return contaminatedIcon_;
            return column == Status ? QVariant(statusIcons_[std::size_t(run.status)]) : QVariant();
        case Qt::ToolTipRole:
            if (column == Status && run.errorText) return QString::fromStdString(*run.errorText);
            if (column == Name && !run.contaminated.empty())
                return QStringLiteral("%1\n%2").arg(QString::fromStdString(run.name),
                                                    contaminationText(run));
            if (column == Notes && row.noteCount > 0)
                return tr("%1\n(%n note(s); editing adds one)", nullptr, row.noteCount)
                    .arg(row.latestNote);
            if (column == Tags) return tr("Comma-separated; edit to add or remove tags");
            if (column == Name)
                return isBaseline(index)
                           ? tr("%1 — the pinned baseline").arg(QString::fromStdString(run.name))
                           : QString::fromStdString(run.name);
            return {};
        case RunIdRole:
            return QVariant::fromValue<qint64>(run.id);
        case RunIdsRole:
            return QVariant::fromValue(QList<qint64>{run.id});
        case ProgressRole:
            if (run.status != store::RunStatus::Running || !row.stepsTotal || *row.stepsTotal <= 0)
                return {};
            return int(std::clamp<std::int64_t>(row.stepsDone.value_or(0) * 100 / *row.stepsTotal,
                                                0, 100));
        case TagsRole: {
            QStringList tags;
            for (const std::string& tag : run.tags) tags.append(QString::fromStdString(tag));
            return tags;
        }
        case StrategyRole:
            return QString::fromStdString(run.strategy);
        case StatusRole:
            return statusText(run.status);
        case FilterTextRole:
            return QStringList{QString::number(run.id),
                               QString::fromStdString(run.name),
                               QString::fromStdString(run.strategy),
                               statusText(run.status),
                               tagsText(run.tags),
                               row.latestNote}
                .join(u'\n');
        default:
            return {};
    }
}

QVariant RunsTreeModel::runDisplay(const QModelIndex& index, const RunRow& row) const {
    const store::RunRecord& run = row.run;
    switch (index.column()) {
        case Id:
            return QVariant::fromValue<qlonglong>(run.id);
        case Name: {
            // Under its group a run is told apart by its seed; its name is the group's.
            QString name = index.parent().isValid() ? tr("seed %1").arg(run.seed)
                                                    : QString::fromStdString(run.name);
            // In the text too, so exported tables (which take the text) carry the mark.
            if (!run.contaminated.empty()) name += tr(" [contaminated]");
            return isBaseline(index) ? tr("%1 (baseline)").arg(name) : name;
        }
        case Strategy:
            return QString::fromStdString(run.strategy);
        case Alpha:
            return row.alpha;
        case Seed:
            return QVariant::fromValue<qlonglong>(run.seed);
        case Status:
            return statusText(run.status);
        case Steps:
            return stepsText(row.stepsDone, row.stepsTotal);
        case Duration: {
            const auto duration = durationOf(row);
            return duration ? durationText(*duration) : QString();
        }
        case Tags:
            return tagsText(run.tags);
        case Notes:
            return firstLine(row.latestNote);
        case Created:
            return timeText(run.createdAtMs);
        default:
            return {};
    }
}

QVariant RunsTreeModel::groupData(const QModelIndex& index, const Entry& entry, int role) const {
    const RunRow& first = rows_[entry.runs.front()];
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return groupDisplay(index, entry);
        case Qt::DecorationRole: {
            if (column != Status) return {};
            std::vector<store::RunStatus> statuses;
            for (std::size_t row : entry.runs) statuses.push_back(rows_[row].run.status);
            return statusIcons_[std::size_t(groupStatus(statuses))];
        }
        case Qt::ToolTipRole: {
            QStringList ids;
            for (std::size_t row : entry.runs)
                ids.append(QStringLiteral("#%1").arg(rows_[row].run.id));
            if (column == Duration) return tr("The total of its runs");
            if (column == Steps) return tr("The steps of its runs, summed");
            return tr("%1: runs %2, whose configs differ only in seed%3")
                .arg(QString::fromStdString(first.run.name), ids.join(QStringLiteral(", ")),
                     isBaseline(index) ? tr(" — the pinned baseline") : QString());
        }
        case RunIdRole:
            return QVariant::fromValue<qint64>(first.run.id);
        case RunIdsRole: {
            QList<qint64> ids;
            for (std::size_t row : entry.runs) ids.append(rows_[row].run.id);
            return QVariant::fromValue(ids);
        }
        case TagsRole: {
            std::set<std::string> tags;
            for (std::size_t row : entry.runs)
                tags.insert(rows_[row].run.tags.begin(), rows_[row].run.tags.end());
            QStringList out;
            for (const std::string& tag : tags) out.append(QString::fromStdString(tag));
            return out;
        }
        case StrategyRole:
            return QString::fromStdString(first.run.strategy);
        case StatusRole:
            return QString();
        case FilterTextRole:
            return groupDisplay(index.siblingAtColumn(Name), entry);
        default:
            return {};
    }
}

QVariant RunsTreeModel::groupDisplay(const QModelIndex& index, const Entry& entry) const {
    const RunRow& first = rows_[entry.runs.front()];
    std::vector<store::RunStatus> statuses;
    std::optional<std::int64_t> done, total, duration;
    std::int64_t created = first.run.createdAtMs;
    QStringList seeds;
    for (std::size_t member : entry.runs) {
        const RunRow& row = rows_[member];
        statuses.push_back(row.run.status);
        seeds.append(QString::number(row.run.seed));
        if (row.stepsDone) done = done.value_or(0) + *row.stepsDone;
        if (row.stepsTotal) total = total.value_or(0) + *row.stepsTotal;
        if (auto own = durationOf(row)) duration = duration.value_or(0) + *own;
        created = std::min(created, row.run.createdAtMs);
    }
    switch (index.column()) {
        case Name: {
            // The runs' shared name says what the group is (an untrained encoder's config names
            // a strategy too); the strategy and α stand in when the names differ.
            const bool oneName =
                std::all_of(entry.runs.begin(), entry.runs.end(),
                            [&](auto member) { return rows_[member].run.name == first.run.name; });
            QString name = QString::fromStdString(oneName ? first.run.name : first.run.strategy);
            if (!oneName && !first.alpha.isEmpty()) name += QStringLiteral(" α=") + first.alpha;
            name = tr("%1 — %2 seeds").arg(name).arg(entry.runs.size());
            return isBaseline(index) ? tr("%1 (baseline)").arg(name) : name;
        }
        case Strategy:
            return QString::fromStdString(first.run.strategy);
        case Alpha:
            return first.alpha;
        case Seed:
            return seeds.join(QStringLiteral(", "));
        case Status:
            return groupStatusText(statuses);
        case Steps:
            return stepsText(done, total);
        case Duration:
            return duration ? durationText(*duration) : QString();
        case Tags:
            return data(index, TagsRole).toStringList().join(QStringLiteral(", "));
        case Created:
            return timeText(created);
        default:
            return {};
    }
}

}  // namespace mtrec::ui
