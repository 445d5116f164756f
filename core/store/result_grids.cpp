// The view-shaped reads of ResultRepository: grids of one suite.

#include <map>

#include "store/result_repository.h"
#include "store/result_rows.h"
#include "store/sql_guard.h"

namespace mtrec::store {

using namespace rows;

Result<LanguageGrid> ResultRepository::languageGrid(std::int64_t runId, const std::string& suite,
                                                    Measure metric) {
    Result<std::vector<EvalCell>> cells = matrix(runId, suite, metric);
    if (!cells) return cells.error();
    std::vector<CellKey> keys;
    for (const EvalCell& cell : cells.value()) keys.push_back(cell.key);
    LanguageGrid grid{suite, metric, GridLayout::of(keys), {}, {}};
    grid.cells.resize(grid.layout.size());
    for (const EvalCell& cell : cells.value()) {
        const std::optional<std::size_t> index = grid.layout.indexOf(cell.key);
        if (!index) continue;  // a summary
        grid.cells[*index] = {cell.value, NAN, 1, cell.queryCount};
        if (grid.definition.empty()) grid.definition = cell.definition;
    }
    return grid;
}

Result<BiasGrid> ResultRepository::biasGrid(std::int64_t runId, const std::string& suite) {
    Result<std::vector<EvalCell>> cells = matrix(runId, suite);
    if (!cells) return cells.error();
    std::vector<CellKey> keys;
    for (const EvalCell& cell : cells.value())
        if (cell.metric.bias()) keys.push_back(cell.key);
    const GridLayout layout = GridLayout::of(keys);
    BiasGrid grid;
    grid.suite = suite;
    grid.languages = layout.rows;
    const std::size_t n = grid.languages.size();
    grid.meanRank.assign(n * n, NAN);
    grid.top10Share.assign(n * n, NAN);
    grid.rankDistance.assign(n, NAN);
    grid.rankDistanceQueries.assign(n, std::nullopt);
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) index[grid.languages[i]] = i;
    for (const EvalCell& cell : cells.value()) {
        const std::optional<BiasMeasure> bias = cell.metric.bias();
        if (!bias) continue;
        if (cell.key.isSummary()) {
            if (*bias == BiasMeasure::RankDistance) grid.meanRankDistance = cell.value;
            continue;
        }
        const std::size_t x = index.at(cell.key.queryLang);
        if (*bias == BiasMeasure::RankDistance && cell.key.candLang == kAllLanguages) {
            grid.rankDistance[x] = cell.value;
            grid.rankDistanceQueries[x] = cell.queryCount;
            continue;
        }
        const auto y = index.find(cell.key.candLang);
        if (y == index.end()) continue;  // a candidate language no query language has
        std::vector<double>& matrix =
            *bias == BiasMeasure::MulMeanRank ? grid.meanRank : grid.top10Share;
        if (*bias != BiasMeasure::RankDistance) matrix[x * n + y->second] = cell.value;
    }
    return grid;
}

Result<std::vector<std::string>> ResultRepository::suites(std::int64_t runId) {
    return guarded<Result<std::vector<std::string>>>([&]() -> Result<std::vector<std::string>> {
        Statement query =
            db_.prepare("SELECT DISTINCT suite FROM eval_results WHERE run_id = ?1 ORDER BY suite");
        query.bind(1, runId);
        std::vector<std::string> out;
        while (query.step()) out.push_back(query.text(0));
        return out;
    });
}

}  // namespace mtrec::store
