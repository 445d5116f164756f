#include "compare_summary_model.h"

#include <QFont>
#include <cmath>

namespace mtrec::ui {

namespace {

constexpr int kRankDistanceColumn = 3;  // in analysis::kSummaryColumns

QString columnTitle(std::size_t summaryColumn) {
    switch (summaryColumn) {
        case 0:
            return CompareSummaryModel::tr("Mo mAP");
        case 1:
            return CompareSummaryModel::tr("Cr mAP");
        case 2:
            return CompareSummaryModel::tr("Mul mAP");
        default:
            return CompareSummaryModel::tr("Rank distance");
    }
}

QString pText(double p) {
    return p < 0.001 ? QString::number(p, 'e', 1) : QString::number(p, 'f', 3);
}

QString signedNumber(double value, std::size_t summaryColumn) {
    return (value > 0 ? QStringLiteral("+") : QString()) + summaryNumber(value, summaryColumn);
}

}  // namespace

QString summaryNumber(double value, std::size_t summaryColumn, double magnitude) {
    if (!std::isfinite(value)) return QStringLiteral("–");
    if (summaryColumn != kRankDistanceColumn) return QString::number(value, 'f', 3);
    const double a = std::abs(std::isfinite(magnitude) ? magnitude : value);
    return QString::number(value, 'f', a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

CompareSummaryModel::CompareSummaryModel(QObject* parent) : QAbstractTableModel(parent) {}

void CompareSummaryModel::setSummary(analysis::CompareSummary summary,
                                     std::vector<CompareSideLabel> labels) {
    beginResetModel();
    summary_ = std::move(summary);
    labels_ = std::move(labels);
    labels_.resize(summary_.sides.size());
    endResetModel();
}

void CompareSummaryModel::clear() {
    setSummary({}, {});
}

int CompareSummaryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(summary_.sides.size());
}

int CompareSummaryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : valueColumn(analysis::kSummaryColumns.size());
}

QVariant CompareSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical)
        return section == 0 ? QStringLiteral("A") : QString::number(section + 1);
    if (section == kNameColumn) return tr("Run");
    if (section == kStrategyColumn) return tr("Strategy");
    if (section == kSeedsColumn) return tr("Seeds");
    if (section < kFirstValueColumn || section >= columnCount()) return {};
    const std::size_t summaryColumn = std::size_t(section - kFirstValueColumn) / 2;
    return (section - kFirstValueColumn) % 2 == 0 ? columnTitle(summaryColumn) : tr("Δ vs A");
}

QVariant CompareSummaryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return display(row, column);
        case Qt::ToolTipRole:
            return toolTip(row, column);
        case Qt::TextAlignmentRole:
            return column < kFirstValueColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::FontRole: {
            if (column < kFirstValueColumn || (column - kFirstValueColumn) % 2 == 0) return {};
            const auto& entry = summary_.sides[std::size_t(row)]
                                    .entries[std::size_t(column - kFirstValueColumn) / 2];
            if (!summary_.significant(entry)) return {};
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        default:
            return {};
    }
}

QVariant CompareSummaryModel::display(int row, int column) const {
    const analysis::SideSummary& side = summary_.sides[std::size_t(row)];
    if (column == kNameColumn) return labels_[std::size_t(row)].name;
    if (column == kStrategyColumn) return labels_[std::size_t(row)].strategy;
    if (column == kSeedsColumn) return int(side.runIds.size());
    const std::size_t summaryColumn = std::size_t(column - kFirstValueColumn) / 2;
    if ((column - kFirstValueColumn) % 2 == 0)
        return valueText(side.entries[summaryColumn], summaryColumn);
    return deltaText(row, summaryColumn);
}

QString CompareSummaryModel::valueText(const analysis::SummaryEntry& entry,
                                       std::size_t summaryColumn) const {
    QString text = summaryNumber(entry.value.mean, summaryColumn);
    if (std::isfinite(entry.value.mean) && std::isfinite(entry.value.std))
        text +=
            QStringLiteral(" ± ") + summaryNumber(entry.value.std, summaryColumn, entry.value.mean);
    return text;
}

double CompareSummaryModel::delta(int row, std::size_t summaryColumn) const {
    const analysis::SummaryEntry& entry = summary_.sides[std::size_t(row)].entries[summaryColumn];
    if (entry.vsReference) return entry.vsReference->diff;
    return entry.value.mean - summary_.sides.front().entries[summaryColumn].value.mean;
}

QString CompareSummaryModel::deltaText(int row, std::size_t summaryColumn) const {
    if (row == 0) return QStringLiteral("—");
    const double d = delta(row, summaryColumn);
    QString text = signedNumber(d, summaryColumn);
    const analysis::SummaryEntry& entry = summary_.sides[std::size_t(row)].entries[summaryColumn];
    if (summary_.significant(entry)) text += d > 0 ? QStringLiteral(" ▲*") : QStringLiteral(" ▼*");
    return text;
}

QVariant CompareSummaryModel::toolTip(int row, int column) const {
    if (column < kFirstValueColumn || (column - kFirstValueColumn) % 2 == 0 || row == 0) return {};
    const std::size_t summaryColumn = std::size_t(column - kFirstValueColumn) / 2;
    const analysis::SummaryEntry& entry = summary_.sides[std::size_t(row)].entries[summaryColumn];
    const QString what = columnTitle(summaryColumn);
    if (!entry.vsReference) return tr("%1: no test (per-query values missing on a side)").arg(what);
    const analysis::CellComparison& test = *entry.vsReference;
    return tr("%1\n%2: %3\nA (%4): %5\nΔ: %6\np = %7 raw, %8 Holm (over %9 tests)\n"
              "t-test p = %10 raw, %11 Holm\n%12 queries")
        .arg(what, labels_[std::size_t(row)].name, summaryNumber(test.meanA, summaryColumn),
             labels_.front().name, summaryNumber(test.meanB, summaryColumn),
             signedNumber(test.diff, summaryColumn), pText(test.pRandomization),
             pText(test.pRandomizationHolm))
        .arg(summary_.tests)
        .arg(pText(test.pTTest), pText(test.pTTestHolm))
        .arg(test.queries);
}

QString CompareSummaryModel::footnote() const {
    const QString tests = summary_.tests == 1 ? tr("1 test") : tr("%1 tests").arg(summary_.tests);
    return tr("Values: mean ± sample standard deviation over a seed group's runs (a single run: "
              "its value). Δ = row − A. ▲* / ▼*: the row differs from A by a paired randomization "
              "test (sign flips of per-query differences, each setting's queries weighted to its "
              "macro average), Holm-corrected over the table's %1, p < %2. Lower rank distance = "
              "less language bias.")
        .arg(tests)
        .arg(summary_.alpha);
}

}  // namespace mtrec::ui
