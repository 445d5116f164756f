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

Result<std::vector<std::int64_t>> seedGroupOf(store::RunRepository& runs, std::int64_t runId) {
    Result<store::RunRecord> run = runs.get(runId);
    if (!run) return run.error();
    Result<std::vector<store::RunListing>> all = runs.list();
    if (!all) return all.error();
    const std::string key = configWithoutSeed(run.value().configJson);
    std::vector<std::int64_t> group;
    for (const store::RunListing& listing : all.value())
        if (configWithoutSeed(listing.run.configJson) == key) group.push_back(listing.run.id);
    return group;
}

MeanStd meanAndStd(const std::vector<double>& samples) {
    MeanStd out{0.0, NAN};
    for (double v : samples) out.mean += v;
    out.mean /= static_cast<double>(samples.size());
    if (samples.size() >= 2) {
        double squares = 0.0;
        for (double v : samples) squares += (v - out.mean) * (v - out.mean);
        out.std = std::sqrt(squares / static_cast<double>(samples.size() - 1));
    }
    return out;
}

std::vector<CellAggregate> aggregateCells(
    const std::vector<std::vector<store::EvalCell>>& matrices) {
    std::map<std::pair<store::CellKey, store::Measure>, std::vector<double>> values;
    for (const auto& matrix : matrices)
        for (const store::EvalCell& cell : matrix)
            values[{cell.key, cell.metric}].push_back(cell.value);
    std::vector<CellAggregate> out;
    for (const auto& [id, samples] : values) {
        const MeanStd stats = meanAndStd(samples);
        out.push_back({id.first, id.second, samples.size(), stats.mean, stats.std, samples});
    }
    return out;
}

}  // namespace mtrec::analysis
