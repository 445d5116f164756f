#include "store/result_repository.h"

#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "store/change_log.h"
#include "store/result_rows.h"
#include "store/sql_guard.h"

namespace mtrec::store {

using namespace rows;

namespace {

std::string describe(const CellKey& key, Measure metric) {
    return key.suite + " " + std::string(eval::settingName(key.setting)) + " " + key.queryLang +
           "->" + key.candLang + " " + std::string(measureName(metric));
}

Status validate(const CellKey& key, Measure metric, double value) {
    if (key.suite.empty() || key.queryLang.empty() || key.candLang.empty())
        return Error{"cell " + describe(key, metric) + ": suite and languages must be set"};
    if (!std::isfinite(value))
        return Error{"cell " + describe(key, metric) + ": value is not a finite number"};
    return success();
}

using CellId = std::pair<CellKey, Measure>;

}  // namespace

Status ResultRepository::record(std::int64_t runId, const std::vector<EvalCell>& cells,
                                const std::vector<PerQueryValue>& perQuery) {
    for (const EvalCell& cell : cells)
        if (Status ok = validate(cell.key, cell.metric, cell.value); !ok) return ok;
    for (const PerQueryValue& value : perQuery) {
        if (Status ok = validate(value.key, value.metric, value.value); !ok) return ok;
        if (value.qid.empty())
            return Error{"cell " + describe(value.key, value.metric) + ": empty qid"};
    }
    return guarded<Status>([&]() -> Status {
        Transaction transaction(db_);
        Statement run = db_.prepare("SELECT 1 FROM runs WHERE id = ?1");
        if (!run.bind(1, runId).step())
            return Error{"no run with id " + std::to_string(runId) + " in " + db_.path()};

        Statement upsert = db_.prepare(
            "INSERT INTO eval_results(run_id, suite, setting, query_lang, cand_lang, metric, "
            "value, "
            "definition, recorded_at, query_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
            "?10) "
            "ON CONFLICT(run_id, suite, setting, query_lang, cand_lang, metric) DO UPDATE SET "
            "value = excluded.value, definition = excluded.definition, "
            "recorded_at = excluded.recorded_at, query_count = excluded.query_count RETURNING id");
        const std::int64_t now = clock_();
        std::map<CellId, std::int64_t> ids;
        for (const EvalCell& cell : cells) {
            bindKey(upsert, cell.key, cell.metric).bind(1, runId);
            upsert.bind(7, cell.value).bind(8, cell.definition).bind(9, now);
            upsert.bind(10, cell.queryCount);
            upsert.step();
            ids[{cell.key, cell.metric}] = upsert.int64(0);
            upsert.reset();
        }

        Statement find = db_.prepare(
            "SELECT id FROM eval_results WHERE run_id = ?1 AND suite = ?2 AND setting = ?3 AND "
            "query_lang = ?4 AND cand_lang = ?5 AND metric = ?6");
        Statement clear = db_.prepare("DELETE FROM per_query_results WHERE cell_id = ?1");
        Statement insert = db_.prepare(
            "INSERT INTO per_query_results(cell_id, qid, value) VALUES (?1, ?2, ?3) "
            "ON CONFLICT(cell_id, qid) DO UPDATE SET value = excluded.value");
        std::set<std::int64_t> cleared;
        for (const PerQueryValue& value : perQuery) {
            auto it = ids.find({value.key, value.metric});
            if (it == ids.end()) {
                bindKey(find, value.key, value.metric).bind(1, runId);
                const bool found = find.step();
                const std::int64_t id = found ? find.int64(0) : 0;
                find.reset();
                if (!found)
                    return Error{"per-query value of qid " + value.qid + " names no stored cell (" +
                                 describe(value.key, value.metric) + "); nothing was recorded"};
                it = ids.emplace(CellId{value.key, value.metric}, id).first;
            }
            if (cleared.insert(it->second).second) {
                clear.bind(1, it->second).run();
                clear.reset();
            }
            insert.bind(1, it->second).bind(2, value.qid).bind(3, value.value).run();
            insert.reset();
        }
        touchRun(db_, runId);
        transaction.commit();
        return success();
    });
}

Result<std::vector<EvalCell>> ResultRepository::matrix(std::int64_t runId, const std::string& suite,
                                                       std::optional<Measure> metric) {
    return guarded<Result<std::vector<EvalCell>>>([&]() -> Result<std::vector<EvalCell>> {
        Statement query = db_.prepare(
            std::string("SELECT suite, setting, query_lang, cand_lang, metric, value, definition, "
                        "query_count FROM eval_results WHERE run_id = ?1 AND (?2 = '' OR suite = "
                        "?2) AND (?3 = '' OR metric = ?3)") +
            kCellOrder);
        query.bind(1, runId).bind(2, suite).bind(3, metricFilter(metric));
        std::vector<EvalCell> out;
        while (query.step()) {
            const std::optional<Measure> measure = readMeasure(query, 4);
            if (!measure) return unknownMeasure(query, 4);
            out.push_back({readKey(query, 0), *measure, query.real(5), query.text(6),
                           query.optionalInt64(7)});
        }
        return out;
    });
}

Result<std::vector<EvalCell>> ResultRepository::cellValues(std::int64_t runId,
                                                           const std::string& suite,
                                                           Measure metric) {
    return guarded<Result<std::vector<EvalCell>>>([&]() -> Result<std::vector<EvalCell>> {
        Statement query = db_.prepare(
            "SELECT setting, query_lang, cand_lang, value FROM eval_results WHERE run_id = ?1 AND "
            "suite = ?2 AND metric = ?3 AND query_lang <> 'all'");
        query.bind(1, runId).bind(2, suite).bind(3, std::string(measureName(metric)));
        std::vector<EvalCell> out;
        while (query.step()) {
            const CellKey key{suite, settingFromName(query.text(0)).value_or(eval::Setting::Mo),
                              query.text(1), query.text(2)};
            out.push_back({key, metric, query.real(3), std::string(), std::nullopt});
        }
        return out;
    });
}

Result<std::vector<QueryValue>> ResultRepository::perQuery(std::int64_t runId, const CellKey& key,
                                                           Measure metric) {
    return guarded<Result<std::vector<QueryValue>>>([&]() -> Result<std::vector<QueryValue>> {
        Statement query = db_.prepare(
            "SELECT p.qid, p.value FROM eval_results e JOIN per_query_results p ON p.cell_id = "
            "e.id WHERE e.run_id = ?1 AND e.suite = ?2 AND e.setting = ?3 AND e.query_lang = ?4 "
            "AND e.cand_lang = ?5 AND e.metric = ?6 ORDER BY p.qid");
        bindKey(query, key, metric).bind(1, runId);
        std::vector<QueryValue> out;
        while (query.step()) out.push_back({query.text(0), query.real(1)});
        return out;
    });
}

Result<std::vector<PerQueryValue>> ResultRepository::allPerQuery(std::int64_t runId,
                                                                 const std::string& suite,
                                                                 std::optional<Measure> metric) {
    return guarded<Result<std::vector<PerQueryValue>>>([&]() -> Result<std::vector<PerQueryValue>> {
        // Cells first (in matrix order), then each cell's rows by a primary-key range scan: no
        // sort.
        Statement cells = db_.prepare(
            std::string(
                "SELECT id, suite, setting, query_lang, cand_lang, metric FROM eval_results "
                "WHERE run_id = ?1 AND (?2 = '' OR suite = ?2) AND (?3 = '' OR metric = ?3)") +
            kCellOrder);
        cells.bind(1, runId).bind(2, suite).bind(3, metricFilter(metric));
        Statement rows =
            db_.prepare("SELECT qid, value FROM per_query_results WHERE cell_id = ?1 ORDER BY qid");
        std::vector<PerQueryValue> out;
        while (cells.step()) {
            const CellKey key = readKey(cells, 1);
            const std::optional<Measure> cellMetric = readMeasure(cells, 5);
            if (!cellMetric) return unknownMeasure(cells, 5);
            rows.bind(1, cells.int64(0));
            while (rows.step()) out.push_back({key, *cellMetric, rows.text(0), rows.real(1)});
            rows.reset();
        }
        return out;
    });
}

}  // namespace mtrec::store
