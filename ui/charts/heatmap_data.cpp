#include "charts/heatmap_data.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

#include "charts/chart_export.h"

namespace mtrec::ui {
namespace {

// Cells narrower than this (in device-independent pixels) print 2 decimals instead of 3.
constexpr double kNarrowCellPx = 46.0;

QString exact(double value) {
    return QString::number(value, 'g', 6);
}

QString pValue(double p) {
    return p < 1e-4 ? QString::number(p, 'e', 1) : QString::number(p, 'f', 4);
}

}  // namespace

QString HeatmapData::columnLabel(int column) const {
    if (isMulColumn(column)) return mulLabel;
    return column >= 0 && column < columnLabels.size() ? columnLabels.at(column) : QString();
}

const HeatmapCell& HeatmapData::cell(int row, int column) const {
    static const HeatmapCell kEmpty;
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount()) return kEmpty;
    const size_t index = size_t(row) * size_t(columnCount()) + size_t(column);
    return index < cells.size() ? cells[index] : kEmpty;
}

HeatmapCell& HeatmapData::cell(int row, int column) {
    if (cells.size() != size_t(rowCount()) * size_t(columnCount())) resetCells();
    row = std::clamp(row, 0, std::max(0, rowCount() - 1));
    column = std::clamp(column, 0, std::max(0, columnCount() - 1));
    return cells[size_t(row) * size_t(columnCount()) + size_t(column)];
}

void HeatmapData::resetCells() {
    cells.assign(size_t(rowCount()) * size_t(columnCount()), {});
}

bool HeatmapData::isDelta() const {
    return std::any_of(cells.begin(), cells.end(), [](const HeatmapCell& c) {
        return std::isfinite(c.valueA) || std::isfinite(c.valueB) || std::isfinite(c.pRaw);
    });
}

int cellDecimals(const HeatmapData& data, double cellWidthPx) {
    if (data.decimals >= 0) return data.decimals;
    double maxAbs = 0.0;
    for (const HeatmapCell& c : data.cells)
        if (std::isfinite(c.value)) maxAbs = std::max(maxAbs, std::abs(c.value));
    if (maxAbs >= 100.0) return 0;
    if (maxAbs >= 10.0) return 1;
    return cellWidthPx < kNarrowCellPx ? 2 : 3;
}

QString cellToolTip(const HeatmapData& data, int row, int column) {
    if (row < 0 || row >= data.rowCount() || column < 0 || column >= data.columnCount()) return {};
    const HeatmapCell& c = data.cell(row, column);
    QStringList lines;
    lines << QCoreApplication::translate("Heatmap", "%1 queries → %2 candidates")
                 .arg(data.rowLabels.at(row), data.columnLabel(column));
    if (!std::isfinite(c.value)) {
        lines << QCoreApplication::translate("Heatmap", "no data");
        return lines.join(QLatin1Char('\n'));
    }
    if (std::isfinite(c.valueA)) lines << QStringLiteral("%1: %2").arg(data.nameA, exact(c.valueA));
    if (std::isfinite(c.valueB)) lines << QStringLiteral("%1: %2").arg(data.nameB, exact(c.valueB));
    if (data.isDelta()) {
        const QString sign = c.value > 0 ? QStringLiteral("+") : QString();
        lines << QStringLiteral("Δ %1: %2%3").arg(data.valueName, sign, exact(c.value));
    } else {
        lines << QStringLiteral("%1: %2").arg(data.valueName, exact(c.value));
    }
    if (std::isfinite(c.pRaw) || std::isfinite(c.pCorrected)) {
        lines << QCoreApplication::translate("Heatmap", "p = %1 raw, %2 %3")
                     .arg(std::isfinite(c.pRaw) ? pValue(c.pRaw) : QStringLiteral("–"),
                          std::isfinite(c.pCorrected) ? pValue(c.pCorrected) : QStringLiteral("–"),
                          data.correction);
    }
    if (c.queryCount > 0)
        lines << QCoreApplication::translate("Heatmap", "%n queries", nullptr, c.queryCount);
    return lines.join(QLatin1Char('\n'));
}

QString heatmapCsv(const HeatmapData& data) {
    const bool delta = data.isDelta();
    std::vector<QStringList> rows;
    QStringList header{QStringLiteral("query_language"), QStringLiteral("candidate_language"),
                       QStringLiteral("value"), QStringLiteral("query_count"),
                       QStringLiteral("mark")};
    if (delta)
        header << QStringLiteral("value_a") << QStringLiteral("value_b") << QStringLiteral("p_raw")
               << QStringLiteral("p_corrected");
    rows.push_back(header);
    for (int r = 0; r < data.rowCount(); ++r) {
        for (int col = 0; col < data.columnCount(); ++col) {
            const HeatmapCell& c = data.cell(r, col);
            QStringList row{data.rowLabels.at(r), data.columnLabel(col), csvNumber(c.value),
                            c.queryCount > 0 ? QString::number(c.queryCount) : QString(), c.mark};
            if (delta)
                row << csvNumber(c.valueA) << csvNumber(c.valueB) << csvNumber(c.pRaw)
                    << csvNumber(c.pCorrected);
            rows.push_back(row);
        }
    }
    return csvText(rows);
}

}  // namespace mtrec::ui
