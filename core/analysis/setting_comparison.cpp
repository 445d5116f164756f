#include "analysis/setting_comparison.h"

#include <map>
#include <unordered_map>
#include <utility>

namespace mtrec::analysis {

namespace {

/// A query of the pooled sample: its query language and qid.
using QueryId = std::pair<std::string, std::string>;

/// Values of one cell paired by qid, as (qid, a, b).
struct PairedValue {
    std::string qid;
    double a = 0.0;
    double b = 0.0;
};

std::vector<PairedValue> pairCell(const std::vector<store::QueryValue>& a,
                                  const std::vector<store::QueryValue>& b) {
    std::unordered_map<std::string, double> lookup;
    lookup.reserve(b.size());
    for (const store::QueryValue& v : b) lookup.emplace(v.qid, v.value);
    std::vector<PairedValue> out;
    for (const store::QueryValue& v : a)
        if (auto it = lookup.find(v.qid); it != lookup.end())
            out.push_back({v.qid, v.value, it->second});
    return out;
}

}  // namespace

SettingSample settingSample(const PerQueryByCell& a, const PerQueryByCell& b,
                            const std::string& suite, eval::Setting setting,
                            const LanguageSubset& languages) {
    std::vector<std::pair<const store::CellKey*, std::vector<PairedValue>>> cells;
    for (const auto& [key, valuesA] : a) {
        if (key.suite != suite || key.setting != setting || key.isSummary() ||
            !languages.holds(key))
            continue;
        const auto inB = b.find(key);
        if (inB == b.end()) continue;
        std::vector<PairedValue> paired = pairCell(valuesA, inB->second);
        if (!paired.empty()) cells.emplace_back(&key, std::move(paired));
    }
    // Each query's sum of value / (cells · n_cell); times the number of queries below, so the
    // sample's mean is the macro average.
    std::map<QueryId, std::pair<double, double>> sums;
    const double cellCount = static_cast<double>(cells.size());
    for (const auto& [key, paired] : cells) {
        const double weight = 1.0 / (cellCount * static_cast<double>(paired.size()));
        for (const PairedValue& v : paired) {
            auto& sum = sums[{key->queryLang, v.qid}];
            sum.first += weight * v.a;
            sum.second += weight * v.b;
        }
    }
    SettingSample sample;
    sample.cells = cells.size();
    const double queries = static_cast<double>(sums.size());
    for (const auto& [query, sum] : sums) {
        sample.a.push_back(queries * sum.first);
        sample.b.push_back(queries * sum.second);
    }
    return sample;
}

std::optional<CellComparison> compareSetting(const PerQueryByCell& a, const PerQueryByCell& b,
                                             const std::string& suite, eval::Setting setting,
                                             const ComparisonOptions& options,
                                             const LanguageSubset& languages) {
    const SettingSample sample = settingSample(a, b, suite, setting, languages);
    if (sample.a.size() < 2) return std::nullopt;
    CellComparison out = comparePaired({suite, setting, store::kAllLanguages, store::kAllLanguages},
                                       sample.a, sample.b, options);
    out.pTTestHolm = out.pTTest;  // a family of one until the caller corrects across its tests
    out.pRandomizationHolm = out.pRandomization;
    return out;
}

}  // namespace mtrec::analysis
