#include "analysis/seed_groups.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace mtrec::analysis {

namespace {

void eraseSeeds(nlohmann::json& value) {
    if (value.is_object()) {
        value.erase("seed");
        for (auto& [key, child] : value.items()) eraseSeeds(child);
    } else if (value.is_array()) {
        for (auto& child : value) eraseSeeds(child);
    }
}

}  // namespace

std::string configWithoutSeed(const std::string& configJson) {
    nlohmann::json config = nlohmann::json::parse(configJson, nullptr, /*allow_exceptions=*/false);
    if (config.is_discarded()) return configJson;
    eraseSeeds(config);
    return config.dump();
}

std::vector<SeedGroup> groupBySeed(const std::vector<store::RunRecord>& runs) {
    std::vector<SeedGroup> groups;
    std::map<std::string, std::size_t> index;
    for (const store::RunRecord& run : runs) {
        std::string key = configWithoutSeed(run.configJson);
        auto [it, added] = index.emplace(key, groups.size());
        if (added) groups.push_back({std::move(key), {}, {}});
        groups[it->second].runIds.push_back(run.id);
        groups[it->second].seeds.push_back(run.seed);
    }
    return groups;
}

std::vector<CellAggregate> aggregateCells(const std::vector<std::vector<store::EvalCell>>& matrices) {
    std::map<std::pair<store::CellKey, std::string>, std::vector<double>> values;
    for (const auto& matrix : matrices)
        for (const store::EvalCell& cell : matrix) values[{cell.key, cell.metric}].push_back(cell.value);
    std::vector<CellAggregate> out;
    for (const auto& [id, samples] : values) {
        CellAggregate aggregate{id.first, id.second, samples.size(), 0.0, NAN};
        for (double v : samples) aggregate.mean += v;
        aggregate.mean /= static_cast<double>(samples.size());
        if (samples.size() >= 2) {
            double squares = 0.0;
            for (double v : samples) squares += (v - aggregate.mean) * (v - aggregate.mean);
            aggregate.std = std::sqrt(squares / static_cast<double>(samples.size() - 1));
        }
        out.push_back(std::move(aggregate));
    }
    return out;
}

}  // namespace mtrec::analysis
