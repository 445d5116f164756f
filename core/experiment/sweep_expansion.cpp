// expandGrid and gridPathOf (sweep_grid.h): the cartesian product of a grid's lists.
#include <algorithm>
#include <cctype>

#include "experiment/json_path.h"
#include "experiment/sweep_grid.h"
#include "experiment/training_config.h"
#include "train/strategy_spec.h"

namespace mtrec::experiment {
namespace {

using nlohmann::json;

/// A value as it reads in a file name: numbers and strings as written, other characters '_'.
std::string nameOf(const json& value, std::size_t position) {
    std::string text = value.is_string() ? value.get<std::string>()
                       : value.is_primitive() ? value.dump()
                                              : "v" + std::to_string(position + 1);
    for (char& c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
    return text;
}

/// The base's strategy object with the options the new strategy does not read dropped, then the
/// entry's fixed fields set.
json strategyFor(const json& base, const json& fixed) {
    json strategy = base.is_object() ? base : json::object();
    const std::optional<train::StrategyName> name =
        train::parseStrategyName(fixed.value("name", std::string()));
    for (auto it = strategy.begin(); it != strategy.end();) {
        const std::vector<train::StrategyName> readers = strategiesReading(it.key());
        const bool read = readers.empty() || (name && std::find(readers.begin(), readers.end(),
                                                                *name) != readers.end());
        it = read ? std::next(it) : strategy.erase(it);
    }
    for (const auto& [key, value] : fixed.items()) strategy[key] = value;
    return strategy;
}

/// The config's strategy name, or "base" when it names none.
std::string strategyName(const json& config) {
    const auto strategy = config.find("strategy");
    if (strategy == config.end() || !strategy->is_object()) return "base";
    const auto name = strategy->find("name");
    return name != strategy->end() && name->is_string() ? name->get<std::string>() : "base";
}

/// Every combination of one value per axis, the last axis varying fastest.
std::vector<std::vector<std::size_t>> combinations(const std::vector<GridAxis>& axes) {
    std::vector<std::vector<std::size_t>> out{{}};
    for (const GridAxis& axis : axes) {
        std::vector<std::vector<std::size_t>> next;
        for (const auto& prefix : out)
            for (std::size_t v = 0; v < axis.values.size(); ++v) {
                next.push_back(prefix);
                next.back().push_back(v);
            }
        out = std::move(next);
    }
    return out;
}

/// Expands one strategy entry (none: the base's strategy) over its axes and the grid's.
Status expandStrategy(const SweepGrid& grid, const GridStrategy* strategy,
                      std::vector<ExpandedConfig>& out) {
    std::vector<GridAxis> axes = strategy ? strategy->axes : std::vector<GridAxis>();
    axes.insert(axes.end(), grid.sets.begin(), grid.sets.end());
    for (const std::vector<std::size_t>& chosen : combinations(axes)) {
        ExpandedConfig config;
        config.index = out.size();
        config.config = grid.base;
        if (strategy) {
            config.config["strategy"] = strategyFor(grid.base.value("strategy", json()),
                                                    strategy->fixed);
            config.choices.push_back({strategy->gridPath, "$.strategy"});
        }
        config.label = strategyName(config.config);
        for (std::size_t a = 0; a < axes.size(); ++a) {
            const json& value = axes[a].values[chosen[a]];
            const std::string gridPath = axes[a].gridPath + "[" + std::to_string(chosen[a]) + "]";
            if (Status set = setJsonPath(config.config, axes[a].configPath, value); !set)
                return Error{grid.file.string() + ": " + gridPath + ": " + set.error().message};
            config.choices.push_back({gridPath, axes[a].configPath});
            if (axes[a].values.size() > 1 || axes[a].alwaysNamed)
                config.label += "-" + axes[a].label + nameOf(value, chosen[a]);
        }
        config.name = grid.name + "-" + config.label;
        config.config["name"] = config.name;
        out.push_back(std::move(config));
    }
    return success();
}

bool within(const std::string& path, const std::string& prefix) {
    return path == prefix || path.rfind(prefix + ".", 0) == 0 || path.rfind(prefix + "[", 0) == 0;
}

}  // namespace

Result<std::vector<ExpandedConfig>> expandGrid(const SweepGrid& grid) {
    std::vector<ExpandedConfig> out;
    if (grid.strategies.empty()) {
        if (Status done = expandStrategy(grid, nullptr, out); !done) return done.error();
    }
    for (const GridStrategy& strategy : grid.strategies)
        if (Status done = expandStrategy(grid, &strategy, out); !done) return done.error();
    return out;
}

std::string gridPathOf(const ExpandedConfig& config, const std::string& configPath) {
    // The most specific choice first: a list value ($.strategy.alpha) before its strategy.
    std::string best, bestConfigPath;
    for (const auto& [gridPath, setPath] : config.choices)
        if (within(configPath, setPath) && setPath.size() > bestConfigPath.size()) {
            best = gridPath;
            bestConfigPath = setPath;
        }
    return best;
}

}  // namespace mtrec::experiment
