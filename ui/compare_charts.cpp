#include "compare_charts.h"

#include <set>

#include "grid_heatmaps.h"

namespace mtrec::ui {

namespace {

/// Removes the Mul column from a heatmap whose Mul cells are all empty.
void dropEmptyMulColumn(HeatmapData& data) {
    if (!data.hasMulColumn) return;
    const int mul = int(data.columnLabels.size());
    for (int row = 0; row < data.rowCount(); ++row)
        if (std::isfinite(data.cell(row, mul).value)) return;
    std::vector<HeatmapCell> cells;
    for (int row = 0; row < data.rowCount(); ++row)
        for (int column = 0; column < mul; ++column) cells.push_back(data.cell(row, column));
    data.hasMulColumn = false;
    data.cells = std::move(cells);
}

}  // namespace

HeatmapData heatmapOfMeanRankDelta(const analysis::DeltaGrid& grid, const QString& nameA,
                                   const QString& nameB) {
    HeatmapData data = heatmapOfDelta(grid, nameA, nameB);
    dropEmptyMulColumn(data);
    data.columnAxisLabel = QObject::tr("language of the relevant passage");
    data.colorBarLabel = QObject::tr("Δ mean Mul rank (A − B; lower is better)");
    data.correction = QString();
    data.note = QObject::tr(
        "No significance marks: the store keeps mean ranks per language pair, not per query.");
    return data;
}

RankDistanceData rankDistanceOfSides(const std::vector<RankDistanceSide>& sides,
                                     const QString& suite) {
    RankDistanceData data;
    data.title = QObject::tr("rank distance, %1").arg(suiteTitle(suite));
    std::set<std::string> languages;
    for (const RankDistanceSide& side : sides)
        languages.insert(side.grid.layout.rows.begin(), side.grid.layout.rows.end());
    for (const std::string& language : languages)
        data.languages.append(QString::fromStdString(language));
    for (const RankDistanceSide& side : sides) {
        RankDistanceSeries series{side.name, {}, side.overallMean};
        const std::vector<std::string>& rows = side.grid.layout.rows;
        for (const std::string& language : languages) {
            const auto row = std::find(rows.begin(), rows.end(), language);
            series.meanDistances.push_back(
                row == rows.end()
                    ? NAN
                    : side.grid
                          .at(std::size_t(row - rows.begin()), side.grid.layout.columns.size() - 1)
                          .value);
        }
        data.series.push_back(std::move(series));
    }
    return data;
}

}  // namespace mtrec::ui
