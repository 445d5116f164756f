#include "experiment/sweep_grid.h"

#include <set>

#include "common/json_document.h"
#include "experiment/json_path.h"
#include "experiment/training_config.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

/// The values of a grid list: an array (at least one value) or a single value.
std::vector<json> listValues(const json& value, const std::string& gridPath,
                             std::vector<JsonProblem>& problems) {
    if (!value.is_array()) return {value};
    if (value.empty()) problems.push_back({gridPath, "an empty list: give at least one value"});
    return std::vector<json>(value.begin(), value.end());
}

GridStrategy readStrategy(const json& entry, const std::string& gridPath,
                          std::vector<JsonProblem>& problems) {
    GridStrategy strategy{gridPath, json::object(), {}};
    if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string()) {
        problems.push_back({gridPath, "expected an object with a strategy \"name\""});
        return strategy;
    }
    for (const auto& [key, value] : entry.items()) {
        if (key == "name" || !value.is_array()) {
            strategy.fixed[key] = value;
            continue;
        }
        const std::string path = gridPath + "." + key;
        strategy.axes.push_back({path, "$.strategy." + key, key, listValues(value, path, problems)});
    }
    return strategy;
}

void readSets(const json& sets, std::vector<GridAxis>& axes, std::vector<JsonProblem>& problems) {
    if (!sets.is_object()) {
        problems.push_back({"$.set", "expected an object {\"$.json.path\": [values]}"});
        return;
    }
    for (const auto& [path, values] : sets.items()) {
        const std::string gridPath = "$.set[\"" + path + "\"]";
        Result<std::vector<JsonPathStep>> steps = parseJsonPath(path);
        if (!steps) {
            problems.push_back({gridPath, steps.error().message});
            continue;
        }
        if (!steps.value().empty() && steps.value()[0].key == "strategy")
            problems.push_back({gridPath, "set the strategy through \"strategies\""});
        const std::string label =
            steps.value().empty() ? "value" : steps.value().back().key;
        axes.push_back({gridPath, path, label, listValues(values, gridPath, problems)});
    }
}

void readSeeds(const json& seeds, std::vector<GridAxis>& axes,
               std::vector<JsonProblem>& problems) {
    GridAxis axis{"$.seeds", "$.seed", "s", listValues(seeds, "$.seeds", problems), true};
    for (std::size_t i = 0; i < axis.values.size(); ++i)
        if (!axis.values[i].is_number_unsigned())
            problems.push_back({"$.seeds[" + std::to_string(i) + "]",
                                "expected a whole number >= 0, found " +
                                    jsonTypeName(axis.values[i])});
    axes.push_back(std::move(axis));
}

}  // namespace

Result<SweepGrid> readSweepGrid(const fs::path& file) {
    Result<JsonDocument> document = JsonDocument::read(file.string());
    if (!document) return document.error();
    const json& root = document.value().root().json();
    if (!root.is_object()) return Error{file.string() + ": $: expected an object"};
    std::vector<JsonProblem> problems;
    const std::set<std::string> known = {"base", "name", "strategies", "seeds", "set"};
    for (const auto& [key, value] : root.items())
        if (!known.count(key))
            problems.push_back({"$." + key, "unknown key (expected base, name, strategies, seeds, set)"});
    SweepGrid grid;
    grid.file = file;
    if (!root.contains("base") || !root["base"].is_string())
        return Error{file.string() + ": $.base: the base config's path is required"};
    const fs::path base(root["base"].get<std::string>());
    grid.baseFile = base.is_absolute() ? base : file.parent_path() / base;
    Result<JsonDocument> baseDocument = JsonDocument::read(grid.baseFile.string());
    if (!baseDocument) return Error{file.string() + ": $.base: " + baseDocument.error().message};
    grid.base = baseDocument.value().root().json();
    if (!grid.base.is_object())
        return Error{file.string() + ": $.base: " + grid.baseFile.string() +
                     " is not a JSON object (a training config)"};
    grid.name = root.value("name", grid.base.value("name", file.stem().string()));
    if (root.contains("strategies")) {
        const json& strategies = root["strategies"];
        if (!strategies.is_array() || strategies.empty())
            problems.push_back({"$.strategies", "expected a list of strategies"});
        else
            for (std::size_t i = 0; i < strategies.size(); ++i)
                grid.strategies.push_back(readStrategy(
                    strategies[i], "$.strategies[" + std::to_string(i) + "]", problems));
    }
    if (root.contains("set")) readSets(root["set"], grid.sets, problems);
    if (root.contains("seeds")) readSeeds(root["seeds"], grid.sets, problems);
    if (!problems.empty()) return Error{describeProblems(file.string(), problems)};
    return grid;
}

}  // namespace mtrec::experiment
