#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/run_comparison.h"
#include "common/result.h"
#include "store/language_grid.h"
#include "store/result_repository.h"

namespace mtrec::analysis {

/// The grid of a seed group from its runs' grids (of one suite and metric): the layout holding
/// every run's cells; per cell the mean and sample std (NaN below 2) over the runs holding it,
/// runs = how many, and the query count of the first run that recorded one. The definition is
/// the first run's.
store::LanguageGrid aggregateGrids(const std::vector<store::LanguageGrid>& grids);

/// Loads each run's grid (ResultRepository::languageGrid) and aggregates them. One run id gives
/// that run's grid. An Error when `runIds` is empty or a read fails.
Result<store::LanguageGrid> groupLanguageGrid(store::ResultRepository& results,
                                              const std::vector<std::int64_t>& runIds,
                                              const std::string& suite, store::Measure metric);

/// The A - B grid of one suite: per cell the paired per-query comparison of group A against
/// group B (means, difference, randomization and t-test p, raw and Holm-corrected over the
/// suite's compared cells). A cell present on one side only, or with fewer than 2 paired queries,
/// is nullopt.
struct DeltaGrid {
    std::string suite;
    store::Measure metric = eval::Metric::Map;
    std::vector<std::int64_t> groupA;
    std::vector<std::int64_t> groupB;
    store::GridLayout layout;
    std::vector<std::optional<CellComparison>> cells;  ///< layout.size(), row-major

    const std::optional<CellComparison>& at(std::size_t row, std::size_t column) const {
        return cells.at(row * layout.columns.size() + column);
    }
};

/// The A − B grid of two grids of one measure without a test, for measures with no per-query
/// values (mean Mul ranks): per cell held by both the two values and their difference; queries 0
/// and every p NaN. The layout holds both grids' cells; a cell missing on a side is nullopt.
DeltaGrid gridDifference(const store::LanguageGrid& a, const store::LanguageGrid& b);

/// Lays a comparison's cells of `suite` out as a grid (pure; no database).
DeltaGrid deltaGridOf(const Comparison& comparison, const std::string& suite);

/// compareRuns restricted to `suite` (options.suite is replaced), laid out as a grid. Groups of
/// one run each compare two runs; larger groups compare seed groups by their per-query means.
Result<DeltaGrid> deltaGrid(store::ResultRepository& results,
                            const std::vector<std::int64_t>& groupA,
                            const std::vector<std::int64_t>& groupB, const std::string& suite,
                            ComparisonOptions options, const ProgressSink& progress = {},
                            const CancelToken& cancel = {});

}  // namespace mtrec::analysis
