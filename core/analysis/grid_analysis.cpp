#include "analysis/grid_analysis.h"

#include <cmath>

#include "analysis/seed_groups.h"

namespace mtrec::analysis {

store::LanguageGrid aggregateGrids(const std::vector<store::LanguageGrid>& grids) {
    store::LanguageGrid out;
    if (grids.empty()) return out;
    out.suite = grids.front().suite;
    out.metric = grids.front().metric;
    out.definition = grids.front().definition;
    std::vector<store::CellKey> keys;
    for (const store::LanguageGrid& grid : grids)
        for (const std::string& row : grid.layout.rows)
            for (const std::string& column : grid.layout.columns)
                keys.push_back({out.suite, eval::Setting::Mo, row,
                                column == store::kMulColumn ? store::kAllLanguages : column});
    out.layout = store::GridLayout::of(keys);
    std::vector<std::vector<double>> samples(out.layout.size());
    out.cells.resize(out.layout.size());
    for (const store::LanguageGrid& grid : grids)
        for (std::size_t r = 0; r < grid.layout.rows.size(); ++r)
            for (std::size_t c = 0; c < grid.layout.columns.size(); ++c) {
                const store::GridCell& cell = grid.at(r, c);
                if (cell.runs == 0) continue;
                const std::string& column = grid.layout.columns[c];
                const std::size_t index = *out.layout.indexOf(
                    {out.suite, eval::Setting::Mo, grid.layout.rows[r],
                     column == store::kMulColumn ? store::kAllLanguages : column});
                samples[index].push_back(cell.value);
                if (!out.cells[index].queries) out.cells[index].queries = cell.queries;
            }
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (samples[i].empty()) continue;
        const MeanStd stats = meanAndStd(samples[i]);
        out.cells[i].value = stats.mean;
        out.cells[i].std = stats.std;
        out.cells[i].runs = samples[i].size();
    }
    return out;
}

Result<store::LanguageGrid> groupLanguageGrid(store::ResultRepository& results,
                                              const std::vector<std::int64_t>& runIds,
                                              const std::string& suite, store::Measure metric) {
    if (runIds.empty()) return Error{"a seed group grid needs at least one run"};
    std::vector<store::LanguageGrid> grids;
    for (std::int64_t runId : runIds) {
        Result<store::LanguageGrid> grid = results.languageGrid(runId, suite, metric);
        if (!grid) return grid.error();
        grids.push_back(std::move(grid).value());
    }
    store::LanguageGrid out = aggregateGrids(grids);
    out.suite = suite;
    out.metric = metric;
    return out;
}

namespace {

/// The cell of `grid` at another layout's (row, column), or null when the grid has none there.
const store::GridCell* cellAt(const store::LanguageGrid& grid, const std::string& row,
                              const std::string& column) {
    const std::optional<std::size_t> index =
        grid.layout.indexOf({grid.suite, eval::Setting::Mo, row,
                             column == store::kMulColumn ? store::kAllLanguages : column});
    if (!index || grid.cells[*index].runs == 0) return nullptr;
    return &grid.cells[*index];
}

/// The key of a grid cell: bias measures sit in Mul rankings; other measures are Mo on the
/// diagonal, Cr off it, Mul in the Mul column.
store::CellKey keyAt(const store::LanguageGrid& grid, const std::string& row,
                     const std::string& column) {
    if (column == store::kMulColumn)
        return {grid.suite, eval::Setting::Mul, row, store::kAllLanguages};
    const eval::Setting setting = grid.metric.bias() ? eval::Setting::Mul
                                  : row == column    ? eval::Setting::Mo
                                                     : eval::Setting::Cr;
    return {grid.suite, setting, row, column};
}

}  // namespace

DeltaGrid gridDifference(const store::LanguageGrid& a, const store::LanguageGrid& b) {
    DeltaGrid out;
    out.suite = a.suite;
    out.metric = a.metric;
    out.layout = aggregateGrids({a, b}).layout;
    out.cells.resize(out.layout.size());
    for (std::size_t r = 0; r < out.layout.rows.size(); ++r)
        for (std::size_t c = 0; c < out.layout.columns.size(); ++c) {
            const std::string& row = out.layout.rows[r];
            const std::string& column = out.layout.columns[c];
            const store::GridCell* inA = cellAt(a, row, column);
            const store::GridCell* inB = cellAt(b, row, column);
            if (!inA || !inB) continue;
            CellComparison cell;
            cell.key = keyAt(a, row, column);
            cell.metric = a.metric;
            cell.meanA = inA->value;
            cell.meanB = inB->value;
            cell.diff = inA->value - inB->value;
            cell.pRandomization = cell.pTTest = cell.pRandomizationHolm = cell.pTTestHolm = NAN;
            out.cells[r * out.layout.columns.size() + c] = cell;
        }
    return out;
}

DeltaGrid deltaGridOf(const Comparison& comparison, const std::string& suite) {
    DeltaGrid grid;
    grid.suite = suite;
    grid.metric = comparison.metric;
    grid.groupA = comparison.groupA;
    grid.groupB = comparison.groupB;
    std::vector<store::CellKey> keys;
    for (const CellComparison& cell : comparison.cells)
        if (cell.key.suite == suite) keys.push_back(cell.key);
    for (const store::CellKey& key : comparison.skipped)
        if (key.suite == suite) keys.push_back(key);
    grid.layout = store::GridLayout::of(keys);
    grid.cells.resize(grid.layout.size());
    for (const CellComparison& cell : comparison.cells)
        if (cell.key.suite == suite)
            if (const std::optional<std::size_t> index = grid.layout.indexOf(cell.key))
                grid.cells[*index] = cell;
    return grid;
}

Result<DeltaGrid> deltaGrid(store::ResultRepository& results,
                            const std::vector<std::int64_t>& groupA,
                            const std::vector<std::int64_t>& groupB, const std::string& suite,
                            ComparisonOptions options, const ProgressSink& progress,
                            const CancelToken& cancel) {
    options.suite = suite;
    Result<Comparison> comparison = compareRuns(results, groupA, groupB, options, progress, cancel);
    if (!comparison) return comparison.error();
    return deltaGridOf(comparison.value(), suite);
}

}  // namespace mtrec::analysis
