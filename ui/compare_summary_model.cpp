#include "compare_summary_model.h"

#include <QFont>
#include <QStringList>
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
                                     std::vector<CompareSideLabel> labels, QString languagesName) {
    beginResetModel();
    summary_ = std::move(summary);
    labels_ = std::move(labels);
    languagesName_ = std::move(languagesName);
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
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal) return headerToolTip(section);
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical)
        return section == 0 ? QStringLiteral("A") : QString::number(section + 1);
    if (section == kNameColumn) return tr("Run");
    if (section == kStrategyColumn) return tr("Strategy");
    if (section == kSeedsColumn) return tr("Seeds");
    if (section < kFirstValueColumn || section >= columnCount()) return {};
    const std::size_t summaryColumn = std::size_t(section - kFirstValueColumn) / 2;
    // "Δ" alone keeps the eight value columns narrow enough for the pane; the tooltip says more.
    return (section - kFirstValueColumn) % 2 == 0 ? columnTitle(summaryColumn) : tr("Δ");
}

QVariant CompareSummaryModel::headerToolTip(int section) const {
    if (section < kFirstValueColumn || section >= columnCount()) return {};
    const std::size_t summaryColumn = std::size_t(section - kFirstValueColumn) / 2;
    if ((section - kFirstValueColumn) % 2 == 0)
        return tr("%1: mean ± sample standard deviation over a seed group's runs").arg(
            columnTitle(summaryColumn));
    return tr("%1 Δ vs A (row − A); ▲/▼ where the Holm-corrected test says the row differs: * over "
              "queries, † over seeds")
        .arg(columnTitle(summaryColumn));
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
            if (levelMarks(entry).isEmpty()) return {};
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

QString CompareSummaryModel::perRunText(int row, std::size_t summaryColumn) const {
    const analysis::SideSummary& side = summary_.sides[std::size_t(row)];
    const std::vector<double>& values = side.entries[summaryColumn].perRun;
    if (values.size() < 2) return {};
    QStringList parts;
    for (std::size_t i = 0; i < values.size() && i < side.runIds.size(); ++i)
        parts << QStringLiteral("%1 (#%2)")
                     .arg(summaryNumber(values[i], summaryColumn))
                     .arg(side.runIds[i]);
    return parts.join(QStringLiteral(", "));
}

QString CompareSummaryModel::levelMarks(const analysis::SummaryEntry& entry) const {
    return (summary_.significant(entry) ? QStringLiteral("*") : QString()) +
           (summary_.seedSignificant(entry) ? QStringLiteral("†") : QString());
}

QString CompareSummaryModel::deltaText(int row, std::size_t summaryColumn) const {
    if (row == 0) return QStringLiteral("—");
    const double d = delta(row, summaryColumn);
    QString text = signedNumber(d, summaryColumn);
    const QString marks = levelMarks(summary_.sides[std::size_t(row)].entries[summaryColumn]);
    if (!marks.isEmpty()) text += (d > 0 ? QStringLiteral(" ▲") : QStringLiteral(" ▼")) + marks;
    return text;
}

QString CompareSummaryModel::seedLevelToolTip(int row, std::size_t summaryColumn) const {
    const analysis::SeedLevel& seeds =
        summary_.sides[std::size_t(row)].entries[summaryColumn].vsReference->seeds;
    const QString sizes = tr("%1 vs %2 seeds").arg(seeds.valuesA.size()).arg(seeds.valuesB.size());
    if (!seeds.tested())
        return tr("Seed level: not tested (needs ≥ 2 seeds per side; here %1)").arg(sizes);
    return tr("Seed level (Welch's t-test over the runs' values, %1, df %2): p = %3 raw, %4 Holm")
        .arg(sizes, QString::number(seeds.df, 'f', 1), pText(seeds.p), pText(seeds.pHolm));
}

QVariant CompareSummaryModel::toolTip(int row, int column) const {
    if (column == kNameColumn) return labels_[std::size_t(row)].name;  // the column may elide it
    if (column < kFirstValueColumn) return {};
    const std::size_t summaryColumn = std::size_t(column - kFirstValueColumn) / 2;
    if ((column - kFirstValueColumn) % 2 == 0) {
        const QString perRun = perRunText(row, summaryColumn);
        if (perRun.isEmpty()) return {};
        return tr("%1 per run: %2").arg(columnTitle(summaryColumn), perRun);
    }
    if (row == 0) return {};
    const analysis::SummaryEntry& entry = summary_.sides[std::size_t(row)].entries[summaryColumn];
    const QString what = columnTitle(summaryColumn);
    if (!entry.vsReference) return tr("%1: no test (per-query values missing on a side)").arg(what);
    const analysis::CellComparison& test = *entry.vsReference;
    return tr("%1\n%2: %3\nA (%4): %5\nΔ: %6\nQuery level (randomization test over %7 "
              "queries): p = %8 raw, %9 Holm (over %10 tests)\nt-test p = %11 raw, %12 Holm\n%13")
        .arg(what, labels_[std::size_t(row)].name, summaryNumber(test.meanA, summaryColumn),
             labels_.front().name, summaryNumber(test.meanB, summaryColumn),
             signedNumber(test.diff, summaryColumn))
        .arg(test.queries)
        .arg(pText(test.pRandomization), pText(test.pRandomizationHolm))
        .arg(summary_.tests)
        .arg(pText(test.pTTest), pText(test.pTTestHolm), seedLevelToolTip(row, summaryColumn));
}

bool CompareSummaryModel::anySeedLevelTested() const {
    for (const analysis::SideSummary& side : summary_.sides)
        for (const analysis::SummaryEntry& entry : side.entries)
            if (entry.vsReference && entry.vsReference->seeds.tested()) return true;
    return false;
}

QString CompareSummaryModel::footnote() const {
    const QString tests = summary_.tests == 1 ? tr("1 test") : tr("%1 tests").arg(summary_.tests);
    const QString seedLevel =
        anySeedLevelTested()
            ? QString()
            : tr(" The seed level was not tested: it needs ≥ 2 seeds per side (compare seed "
                 "groups).");
    return languagesNote() +
           tr("Values: mean ± sample standard deviation over a seed group's runs (a single run: "
              "its value; hover for each run's). Δ = row − A. Marks say at which level the row "
              "differs from A: * query level, a paired randomization test over queries (sign "
              "flips of the per-query differences of the means over seeds, each setting's queries "
              "weighted to its macro average) — it holds for new queries, for these trained "
              "models; † seed level, Welch's t-test over the runs' values (one per seed) — it "
              "holds over retraining, but with few seeds it has little power. Each level is "
              "Holm-corrected over the table's %1, p < %2.%3 Lower rank distance = less language "
              "bias.")
               .arg(tests)
               .arg(summary_.alpha)
               .arg(seedLevel);
}

QString CompareSummaryModel::languagesNote() const {
    if (summary_.languages.isAll()) return {};
    return tr("Over the languages %1 (%2): Mo, Mul and rank distance average those query "
              "languages' cells, Cr the pairs of two of them; values and tests use those cells "
              "alone. ")
        .arg(languagesName_, QString::fromStdString(summary_.languages.describe()));
}

report::Table CompareSummaryModel::exportTable() const {
    report::Table table;
    const auto add = [&table](const QString& header, bool numeric) {
        table.header.push_back(header.toStdString());
        table.numeric.push_back(numeric);
    };
    add(tr("Run"), false);
    add(tr("Strategy"), false);
    add(tr("Seeds"), true);
    for (std::size_t c = 0; c < analysis::kSummaryColumns.size(); ++c) {
        add(columnTitle(c), false);
        add(tr("%1 Δ vs A").arg(columnTitle(c)), false);
        add(tr("%1 p queries (Holm)").arg(columnTitle(c)), true);
        add(tr("%1 p seeds (Holm)").arg(columnTitle(c)), true);
    }
    for (int row = 0; row < rowCount(); ++row) {
        std::vector<report::TableCell> cells;
        for (int column = 0; column < kFirstValueColumn; ++column)
            cells.emplace_back(display(row, column).toString().toStdString());
        for (std::size_t c = 0; c < analysis::kSummaryColumns.size(); ++c) {
            const QString perRun = perRunText(row, c);
            const analysis::SummaryEntry& entry = summary_.sides[std::size_t(row)].entries[c];
            cells.emplace_back((valueText(entry, c) +
                                (perRun.isEmpty() ? QString() : QStringLiteral("; ") + perRun))
                                   .toStdString());
            cells.emplace_back(deltaText(row, c).toStdString());
            const auto& test = entry.vsReference;
            cells.emplace_back(test ? pText(test->pRandomizationHolm).toStdString() : "–");
            cells.emplace_back(test && test->seeds.tested() ? pText(test->seeds.pHolm).toStdString()
                                                            : "–");
        }
        table.rows.push_back(std::move(cells));
    }
    table.note = footnote().toStdString();
    return table;
}

}  // namespace mtrec::ui
