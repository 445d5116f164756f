// RunsTreeModel: the metric cells (values, mean ± std, deltas against the baseline), sort keys and
// headers.
#include <cmath>
#include <limits>
#include <set>

#include "runs_tree_cells.h"
#include "runs_tree_model.h"

namespace mtrec::ui {
namespace {

constexpr double kMissing = std::numeric_limits<double>::lowest();

int decimalsOf(int column) {
    return column == RunsTreeModel::RankDistance ? 2 : 3;
}

QString exact(double value) {
    return QString::number(value, 'f', 6);
}

}  // namespace

QVariant RunsTreeModel::metricDisplay(const QModelIndex& index) const {
    const auto stat = statOf(index, index.column());
    if (!stat) return QString();
    const int decimals = decimalsOf(index.column());
    const auto baseline = baselineMean(index.column());
    if (!baseline || isBaseline(index)) return meanStdText(stat->mean, stat->std, decimals);
    QString text = deltaText(stat->mean - *baseline, decimals);
    if (!std::isnan(stat->std)) text += QStringLiteral(" ± ") + valueText(stat->std, decimals);
    return text;
}

QVariant RunsTreeModel::metricToolTip(const QModelIndex& index) const {
    const auto stat = statOf(index, index.column());
    if (!stat) return tr("Not evaluated");
    QStringList lines;
    if (const RunRow* row = runAt(index)) {
        lines.append(
            tr("%1 (suite %2)").arg(exact(stat->mean), QString::fromStdString(row->suite)));
    } else {
        const std::size_t runs = entryOf(index)->runs.size();
        lines.append(tr("mean %1 ± %2 over %3 of its %4 runs")
                         .arg(exact(stat->mean))
                         .arg(std::isnan(stat->std) ? QStringLiteral("—") : exact(stat->std))
                         .arg(stat->n)
                         .arg(runs));
        lines.append(tr("± is the sample standard deviation (n − 1 in the denominator)"));
    }
    if (isBaseline(index)) {
        lines.append(tr("The pinned baseline: the other rows show their difference from it"));
    } else if (const auto baseline = baselineMean(index.column())) {
        lines.append(tr("baseline %1; difference %2")
                         .arg(exact(*baseline), deltaText(stat->mean - *baseline, 6)));
    }
    return lines.join(u'\n');
}

QVariant RunsTreeModel::sortKey(const QModelIndex& index) const {
    const int column = index.column();
    if (isMetricColumn(column)) {
        const auto stat = statOf(index, column);
        return stat ? stat->mean : kMissing;
    }
    const Entry* entry = entryOf(index);
    const RunRow* row = runAt(index);
    const RunRow& first = row ? *row : rows_[entry->runs.front()];
    switch (column) {
        case Id:
            return QVariant::fromValue<qlonglong>(first.run.id);
        case Seed:
            return QVariant::fromValue<qlonglong>(first.run.seed);
        case Steps:
            return QVariant::fromValue<qlonglong>(first.stepsDone.value_or(-1));
        case Created:
            return QVariant::fromValue<qlonglong>(first.run.createdAtMs);
        case Duration: {
            if (row) return QVariant::fromValue<qlonglong>(durationOf(*row).value_or(-1));
            qlonglong total = -1;
            for (std::size_t member : entry->runs)
                if (auto own = durationOf(rows_[member])) total = std::max(total, 0LL) + *own;
            return total;
        }
        default:
            return data(index, Qt::DisplayRole).toString();
    }
}

QVariant RunsTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    static const char* const kTitles[ColumnCount] = {
        QT_TR_NOOP("Name"),       QT_TR_NOOP("ID"),        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Mo mAP"),     QT_TR_NOOP("Cr mAP"),    QT_TR_NOOP("Mul mAP"),
        QT_TR_NOOP("Rank dist."), QT_TR_NOOP("Strategy"),  QT_TR_NOOP("α"),
        QT_TR_NOOP("Seed"),       QT_TR_NOOP("Steps"),     QT_TR_NOOP("Duration"),
        QT_TR_NOOP("Tags"),       QT_TR_NOOP("Notes"),     QT_TR_NOOP("Created"),
        QT_TR_NOOP("Cr seen"),    QT_TR_NOOP("Cr unseen"), QT_TR_NOOP("Mul seen"),
        QT_TR_NOOP("Mul unseen")};
    if (section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) return tr(kTitles[section]);
    if (role != Qt::ToolTipRole) return {};
    std::set<std::string> suites;
    for (const RunRow& row : rows_)
        if (!row.suite.empty()) suites.insert(row.suite);
    QStringList names;
    for (const std::string& suite : suites) names.append(QString::fromStdString(suite));
    const QString suiteLine =
        names.isEmpty() ? tr("No run has been evaluated yet.")
                        : tr("Of each run's first suite by name (here: %1). Groups: mean ± sample "
                             "std (n − 1) over their runs that have it.")
                              .arg(names.join(QStringLiteral(", ")));
    switch (section) {
        case MoMap:
            return tr("Monolingual mAP (query and candidates in one language), macro average.\n") +
                   suiteLine;
        case CrMap:
            return tr("Cross-lingual mAP (candidates in one other language), macro average.\n") +
                   suiteLine;
        case MulMap:
            return tr("Multilingual mAP (one pool of every language's candidates).\n") + suiteLine;
        case RankDistance:
            return tr("Mean rank distance of the Mul ranking (language bias; lower is fairer).\n") +
                   suiteLine;
        case CrSeen:
        case MulSeen:
            return tr("%1 mAP over the run's training languages (Cr: pairs with both languages "
                      "seen), macro average like the overall's; empty for untrained runs.\n")
                       .arg(section == CrSeen ? QStringLiteral("Cr") : QStringLiteral("Mul")) +
                   suiteLine;
        case CrUnseen:
        case MulUnseen:
            return tr("%1 mAP over the languages the run did not train on (Cr: pairs with both "
                      "unseen), macro average like the overall's; empty for untrained runs.\n")
                       .arg(section == CrUnseen ? QStringLiteral("Cr") : QStringLiteral("Mul")) +
                   suiteLine;
        case Alpha:
            return tr("α of a hybrid or mixed run: the share of monolingual batches");
        case Steps:
            return tr("Steps logged / steps the config asks for");
        case Duration:
            return tr("From start to end, or running so far");
        case Tags:
            return tr("Comma-separated tags; editable (F2)");
        case Notes:
            return tr("The latest note; editing adds a note");
        default:
            return tr(kTitles[section]);
    }
}

}  // namespace mtrec::ui
