#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/json_reader.h"
#include "common/result.h"

namespace mtrec::experiment {

/// One list of values a grid expands: where it is in the grid file, the config path its values go
/// to, and the label a value gets in the configs' names ("alpha" + "0.25").
struct GridAxis {
    std::string gridPath;    ///< e.g. $.strategies[0].alpha
    std::string configPath;  ///< e.g. $.strategy.alpha
    std::string label;       ///< "alpha", "lr", "s" (seeds)
    std::vector<nlohmann::json> values;
    bool alwaysNamed = false;  ///< in the name even with one value (seeds)
};

/// One entry of the grid's "strategies": its fixed fields (name included) and its lists.
struct GridStrategy {
    std::string gridPath;  ///< $.strategies[i]
    nlohmann::json fixed;  ///< the strategy object without the list fields
    std::vector<GridAxis> axes;
};

/// A sweep grid file (format in docs/scaling.md):
///   {"base": "config.json", "name": "...",
///    "strategies": [{"name": "hybrid", "alpha": [0.25, 0.5]}, {"name": "mono"}],
///    "seeds": [13, 14], "set": {"$.optimizer.lr": [0.001, 0.002]}}
/// In a strategy entry an array is a list of values to expand (an array-valued field such as
/// "tasks" is given as a list of arrays). Without "strategies" the base config's strategy is kept.
struct SweepGrid {
    std::filesystem::path file;
    std::filesystem::path baseFile;  ///< resolved against the grid file's folder
    nlohmann::json base;
    std::string name;  ///< "name", else the base config's name
    std::vector<GridStrategy> strategies;
    std::vector<GridAxis> sets;  ///< "set", then "seeds" last
};

/// One config of the expanded grid: the base with one value of every axis applied.
struct ExpandedConfig {
    std::size_t index = 0;
    std::string label;   ///< "hybrid-alpha0.25-s13": the strategy and the values that vary
    std::string name;    ///< "<grid name>-<label>", also the config's "name"
    nlohmann::json config;
    /// Grid paths of the values chosen ("$.strategies[0]" for the strategy itself), each with the
    /// config path it set, to name the grid's place of a problem found in the config.
    std::vector<std::pair<std::string, std::string>> choices;
};

/// Reads a grid file and its base config. Bad JSON is an Error naming file, line and column;
/// problems in the grid (unknown keys, empty lists, a path that is not "$.a.b[0]") are one Error
/// listing each at its grid path.
Result<SweepGrid> readSweepGrid(const std::filesystem::path& file);

/// The cartesian product in order: strategies as listed (each strategy's lists in key order), then
/// "set" paths in key order, then seeds, the last varying fastest. A strategy that replaces the
/// base's keeps the base's strategy options every strategy reads (batch_size, tau, ...) and drops
/// those the new one does not read. An Error names the grid path of a value that cannot be set.
Result<std::vector<ExpandedConfig>> expandGrid(const SweepGrid& grid);

/// The grid path of the value behind a problem at `configPath` of `config`, or "" (the base).
std::string gridPathOf(const ExpandedConfig& config, const std::string& configPath);

}  // namespace mtrec::experiment
