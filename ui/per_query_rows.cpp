#include "per_query_rows.h"

#include <map>
#include <string>

namespace mtrec::ui {
namespace {

using RowsByQid = std::map<std::string, PerQueryRow>;

/// Adds one measure's per-query values to `rows` through `assign`; whether any were stored.
template <typename Assign>
Result<bool> mergeMeasure(store::ResultRepository& results, std::int64_t runId,
                          const store::CellKey& key, store::Measure measure, RowsByQid& rows,
                          Assign assign) {
    auto values = results.perQuery(runId, key, measure);
    if (!values) return values.error();
    for (const store::QueryValue& value : values.value()) {
        PerQueryRow& row = rows[value.qid];
        row.qid = QString::fromStdString(value.qid);
        assign(row, value.value);
    }
    return !values.value().empty();
}

}  // namespace

int rankOfReciprocal(double reciprocalRank) {
    return reciprocalRank > 0 ? int(std::lround(1.0 / reciprocalRank)) : 0;
}

Result<PerQueryRows> readPerQueryRows(store::ResultRepository results, std::int64_t runId,
                                      const store::CellKey& key) {
    RowsByQid rows;
    PerQueryRows out;
    auto ap = mergeMeasure(results, runId, key, eval::Metric::Map, rows,
                           [](PerQueryRow& row, double v) { row.averagePrecision = v; });
    if (!ap) return ap.error();
    auto rank = mergeMeasure(results, runId, key, eval::Metric::RecipRank, rows,
                             [](PerQueryRow& row, double v) {
                                 row.firstRelevantRank = rankOfReciprocal(v);
                             });
    if (!rank) return rank.error();
    out.hasRank = rank.value();
    if (key.setting == eval::Setting::Mul) {
        auto distance = mergeMeasure(results, runId, key, store::BiasMeasure::RankDistance, rows,
                                     [](PerQueryRow& row, double v) { row.rankDistance = v; });
        if (!distance) return distance.error();
        out.hasRankDistance = distance.value();
    }
    for (auto& [qid, row] : rows) out.rows.push_back(std::move(row));
    return out;
}

}  // namespace mtrec::ui
