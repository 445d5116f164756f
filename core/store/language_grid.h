#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/eval_cell.h"

namespace mtrec::store {

/// The label of a grid's last column: the Mul pool of every language's candidates.
inline constexpr const char* kMulColumn = "Mul";

/// Rows and columns of a language x language grid, as the heatmaps and matrix tables draw it:
/// rows are the languages of the cells (query or candidate, sorted), columns the same languages
/// and then kMulColumn, so the grid is square plus Mul. A cell (X, Y) sits at row X, column Y
/// whatever its setting (Mo, Cr, or a Mul bias measure); a cell (X, all) at row X, column Mul.
/// Cells are stored row-major: index = row * columns.size() + column.
struct GridLayout {
    std::vector<std::string> rows;     ///< query languages
    std::vector<std::string> columns;  ///< candidate languages (= rows), then kMulColumn

    /// The layout holding every key given; summaries (query language "all") are not grid cells
    /// and are left out.
    static GridLayout of(const std::vector<CellKey>& keys);
    /// Row-major index of a key's cell, or nullopt when the key has no cell in this layout.
    std::optional<std::size_t> indexOf(const CellKey& key) const;
    std::size_t size() const { return rows.size() * columns.size(); }
};

/// One grid cell. For a run, `value` is the stored value and `runs` is 1; for a seed group, `value`
/// is the mean over the group's runs holding the cell, `std` their sample standard deviation (NaN
/// below 2 runs) and `runs` how many there are. A cell no run holds has runs == 0 and NaN values.
struct GridCell {
    double value = NAN;
    double std = NAN;
    std::size_t runs = 0;
    std::optional<std::int64_t> queries;  ///< queries averaged; nullopt when not recorded
};

/// A run's (or a seed group's) values of one suite and metric as a language x language grid.
struct LanguageGrid {
    std::string suite;
    Measure metric = eval::Metric::Map;
    GridLayout layout;
    std::vector<GridCell> cells;  ///< layout.size() cells, row-major
    /// The definition of the first Mo cell (or first cell), for a table's note; "" when empty.
    std::string definition;

    const GridCell& at(std::size_t row, std::size_t column) const {
        return cells.at(row * layout.columns.size() + column);
    }
    bool empty() const { return layout.rows.empty(); }
};

/// The language bias of a run's Mul rankings of one parallel suite. Matrices are row-major
/// [X][Y] over `languages` (rows X = query language, columns Y = language of the relevant
/// candidate); NaN where nothing was recorded.
struct BiasGrid {
    std::string suite;
    std::vector<std::string> languages;  ///< sorted
    std::vector<double> meanRank;        ///< mean Mul rank of the best relevant Y candidate
    std::vector<double> top10Share;      ///< share (0..1) of X queries with it in the top 10
    std::vector<double> rankDistance;    ///< per query language X: mean max-min rank distance
    std::vector<std::optional<std::int64_t>> rankDistanceQueries;  ///< queries behind each
    double meanRankDistance = NAN;  ///< mean over query languages (the suite's language bias)

    bool empty() const { return languages.empty(); }
};

}  // namespace mtrec::store
