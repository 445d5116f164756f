#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "store/row_copy.h"
#include "store_test_support.h"

namespace mtrec::store::test {

/// A store whose clock ticks 1 ms at each reading from `start`, so every time is distinct and known.
inline ExperimentStore openTickingStore(const std::filesystem::path& path, std::int64_t start) {
    StoreOptions options;
    options.clock = [now = std::make_shared<std::int64_t>(start)] { return (*now)++; };
    return openStore(path, options);
}

/// A finished run with something in every per-run table: three steps (one validated), two
/// telemetry rows, two cells with per-query values, two tags, a note, a contaminated suite.
inline std::int64_t addRecordedRun(ExperimentStore& store, const std::string& name,
                                   std::int64_t seed, double base,
                                   std::optional<std::int64_t> experiment = std::nullopt) {
    NewRun run;
    run.name = name;
    run.strategy = "hybrid";
    run.seed = seed;
    run.configJson = R"({"name": ")" + name + R"(", "seed": )" + std::to_string(seed) + "}";
    run.experimentId = experiment;
    const std::int64_t id = store.runs().create(run).value();
    EXPECT_TRUE(store.runs().start(id));
    {
        auto writer = store.metricsWriter(id);
        for (std::int64_t step = 1; step <= 3; ++step) {
            StepMetric metric{step, step / 4.0, base - step * 0.1, 1e-3, 250.0 + step, {}, {}};
            if (step == 2) metric.validationLoss = base - 0.05;
            if (step == 2) metric.validationCrossMrr = 0.375;
            EXPECT_TRUE(writer->add(metric));
        }
        EXPECT_TRUE(writer->add(BatchTelemetry{1, "mono", "", "en", "en", 8}));
        EXPECT_TRUE(writer->add(BatchTelemetry{2, "cross", "", "en", "de", 8}));
        EXPECT_TRUE(writer->flush());
    }
    EXPECT_TRUE(store.runs().setCheckpoint(id, "/runs/" + name + "/checkpoints"));
    EXPECT_TRUE(store.results().record(
        id, {cell("Mo", "en", "en", base / 2), cell("Cr", "en", "de", base / 4)},
        {perQuery("Mo", "en", "en", "q1", base / 2 + 0.25),
         perQuery("Mo", "en", "en", "q2", base / 2 - 0.25),
         perQuery("Cr", "en", "de", "q1", base / 4)}));
    EXPECT_TRUE(store.results().recordContamination(
        id, SuiteContamination{"mlqa-r", 20, 20, 40, 40, "shares every question"}));
    EXPECT_TRUE(store.runs().addTag(id, "sweep"));
    EXPECT_TRUE(store.runs().addTag(id, name));
    EXPECT_TRUE(store.runs().addNote(id, "note of " + name));
    EXPECT_TRUE(store.runs().finish(id));
    return id;
}

/// Every row recorded for a run, table by table, each column quoted with its type (SQL quote()),
/// without the run's id, the cells' ids and the notes' ids (which a merge assigns anew): a cell's
/// per-query rows are named by the cell's key, a run's experiment by its name. Every table with a
/// run_id column is dumped (but the change log), so a table added later is compared too.
inline std::vector<std::string> runDump(ExperimentStore& store, std::int64_t runId) {
    Database& db = store.database();
    std::vector<std::string> rows;
    auto dump = [&](const std::string& label, const std::string& sql) {
        Statement query = db.prepare(sql);
        query.bind(1, runId);
        while (query.step()) rows.push_back(label + ": " + query.text(0));
    };
    auto quoted = [&](const std::string& table, const std::string& prefix) {
        std::string expression = "''";
        for (const std::string& column : tableColumns(db, table))
            if (column != "id" && column != "run_id" && column != "experiment_id" &&
                column != "cell_id")
                expression += " || quote(" + prefix + column + ") || '|'";
        return expression;
    };
    dump("runs", "SELECT " + quoted("runs", "r.") +
                     " || quote((SELECT name FROM experiments e WHERE e.id = r.experiment_id)) "
                     "FROM runs r WHERE r.id = ?1");
    Statement tables = db.prepare(
        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name != 'run_changes' "
        "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'run_id') "
        "ORDER BY m.name");
    while (tables.step()) {
        const std::string table = tables.text(0);
        dump(table, "SELECT " + quoted(table, "") + " AS row FROM " + table +
                        " WHERE run_id = ?1 ORDER BY row");
    }
    dump("per_query_results", "SELECT " + quoted("eval_results", "e.") + " || " +
                                  quoted("per_query_results", "p.") +
                                  " AS row FROM per_query_results p JOIN eval_results e ON "
                                  "e.id = p.cell_id WHERE e.run_id = ?1 ORDER BY row");
    return rows;
}

/// The rows of runDump without the note a merge adds ("merged from ...").
inline std::vector<std::string> withoutMergeNote(std::vector<std::string> rows) {
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [](const std::string& row) {
                                  return row.rfind("notes: 'merged from ", 0) == 0;
                              }),
               rows.end());
    return rows;
}

}  // namespace mtrec::store::test
