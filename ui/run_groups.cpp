#include "run_groups.h"

#include <map>
#include <string>
#include <unordered_map>

#include "analysis/seed_groups.h"

namespace mtrec::ui {
namespace {

bool hasConfig(const RunRow& row) {
    const std::string& config = row.run.configJson;
    return !config.empty() && config != "{}";
}

}  // namespace

std::vector<std::vector<std::size_t>> seedGroupsOfRows(const std::vector<RunRow>& rows) {
    std::vector<store::RunRecord> configured;
    std::unordered_map<std::int64_t, std::size_t> rowOfId;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rowOfId.emplace(rows[i].run.id, i);
        if (hasConfig(rows[i])) configured.push_back(rows[i].run);
    }
    // Each seed group split by strategy, keyed by its first row so groups keep the rows' order.
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (const analysis::SeedGroup& group : analysis::groupBySeed(configured)) {
        std::map<std::string, std::size_t> firstOfStrategy;
        for (std::int64_t id : group.runIds) {
            const std::size_t row = rowOfId.at(id);
            const auto [first, added] = firstOfStrategy.emplace(rows[row].run.strategy, row);
            groups[first->second].push_back(row);
        }
    }
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!hasConfig(rows[i])) groups[i].push_back(i);
    std::vector<std::vector<std::size_t>> out;
    out.reserve(groups.size());
    for (auto& [first, members] : groups) out.push_back(std::move(members));
    return out;
}

}  // namespace mtrec::ui
