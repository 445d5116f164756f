#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "store/schema.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

namespace fs = std::filesystem;
using mtrec::test::TempDir;
using test::fileBytes;

/// Table -> its columns "name type notnull default pk", and every index name: the schema's shape.
std::map<std::string, std::string> schemaShape(Database& db) {
    std::map<std::string, std::string> shape;
    Statement objects = db.prepare(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
    while (objects.step()) {
        const std::string type = objects.text(0), name = objects.text(1);
        std::string description = type;
        if (type == "table") {
            Statement columns = db.prepare(
                "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1)");
            columns.bind(1, name);
            while (columns.step())
                description += " | " + columns.text(0) + " " + columns.text(1) + " " +
                               columns.text(2) + " " + columns.text(3) + " " + columns.text(4);
        }
        shape[name] = description;
    }
    return shape;
}

fs::path copyFixture(const TempDir& dir, const std::string& name) {
    const fs::path source = fs::path(MTREC_SOURCE_DIR) / "tests/fixtures/store" / name;
    const fs::path target = dir.path() / name;
    fs::copy_file(source, target);
    return target;
}

TEST(Schema, NewDatabaseGetsEveryTableAndTheCurrentVersion) {
    TempDir dir;
    Database db = Database::open((dir.path() / "e.db").string(), OpenMode::ReadWriteCreate).value();
    ASSERT_EQ(readSchemaVersion(db).value(), 0);
    ASSERT_EQ(migrate(db).value(), 0);
    EXPECT_EQ(readSchemaVersion(db).value(), kSchemaVersion);
    const auto shape = schemaShape(db);
    for (const char* table : {"meta", "experiments", "runs", "step_metrics", "batch_telemetry",
                              "eval_results", "per_query_results", "tags", "notes"})
        EXPECT_EQ(shape.count(table), 1u) << table;
    EXPECT_EQ(shape.count("eval_results_summary"), 1u);
    EXPECT_EQ(shape.count("run_changes"), 1u);
    EXPECT_NE(shape.at("eval_results").find("query_count INTEGER 0"), std::string::npos);
    EXPECT_EQ(shape.count("suite_contamination"), 1u);
    EXPECT_EQ(shape.count("suite_contamination_INSERT_changes"), 1u);
}

TEST(Schema, RunStatusIsCheckedByTheDatabase) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    test::addRun(store, "r", "mono", 1);
    Status bad = store.database().exec("UPDATE runs SET status = 'paused'");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("CHECK constraint failed"), std::string::npos);
}

TEST(Schema, AddColumnIsIdempotent) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    addColumn(store.database(), "runs", "priority", "INTEGER NOT NULL DEFAULT 3");
    addColumn(store.database(), "runs", "priority", "INTEGER NOT NULL DEFAULT 3");
    const std::int64_t id = test::addRun(store, "r", "mono", 1);
    EXPECT_EQ(test::count(store, "SELECT priority FROM runs WHERE id = " + std::to_string(id)), 3);
}

// Two processes opening a new file at once both read version 0 before either takes the write lock;
// the second to get it must find the tables made, not fail on "table meta already exists".
TEST(Schema, SecondCreatorOfANewFileFindsTheSchemaMadeAndChangesNothing) {
    TempDir dir;
    const std::string path = (dir.path() / "e.db").string();
    Database first = Database::open(path, OpenMode::ReadWriteCreate).value();
    Database second = Database::open(path, OpenMode::ReadWriteCreate).value();
    ASSERT_EQ(readSchemaVersion(first).value(), 0);
    ASSERT_EQ(readSchemaVersion(second).value(), 0);
    ASSERT_TRUE(createDb(first));
    ASSERT_TRUE(first.exec("INSERT INTO experiments(name, created_at) VALUES ('kept', 1)"));
    const Status again = createDb(second);
    EXPECT_TRUE(again) << again.error().message;
    EXPECT_EQ(readSchemaVersion(second).value(), kSchemaVersion);
    Statement names = second.prepare("SELECT group_concat(name) FROM experiments");
    ASSERT_TRUE(names.step());
    EXPECT_EQ(names.text(0), "kept");
}

TEST(Schema, UpdateDbRejectsVersionsItCannotStartFrom) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    EXPECT_THROW(static_cast<void>(updateDb(store.database(), 0)), std::logic_error);
    EXPECT_THROW(static_cast<void>(updateDb(store.database(), kSchemaVersion)), std::logic_error);
}

TEST(Schema, NewerSchemaIsRefusedAndTheFileIsNotTouched) {
    TempDir dir;
    const fs::path path = dir.path() / "e.db";
    {
        ExperimentStore store = test::openStore(path);
        test::addRun(store, "r", "mono", 1);
        ASSERT_TRUE(
            store.database().exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'"));
        ASSERT_TRUE(store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    const std::string before = fileBytes(path);
    Result<ExperimentStore> opened = ExperimentStore::open(path.string());
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().message,
              path.string() +
                  " was written by a newer mTREC Workbench (schema version 99; this program "
                  "knows up to version 4); update the program. The file was not changed");
    EXPECT_EQ(fileBytes(path), before);
}

TEST(Schema, NewerSchemaInRollbackJournalModeIsNotSwitchedToWal) {
    TempDir dir;
    const fs::path path = dir.path() / "future.db";
    {
        Database db = Database::open(path.string(), OpenMode::ReadWriteCreate).value();
        ASSERT_TRUE(
            db.exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                    "INSERT INTO meta VALUES ('schema_version', '5')"));
    }
    const std::string before = fileBytes(path);
    ASSERT_FALSE(ExperimentStore::open(path.string()));
    EXPECT_EQ(fileBytes(path), before);
    EXPECT_FALSE(fs::exists(path.string() + "-wal"));
}

TEST(Schema, ForeignSqliteDatabaseIsRefusedUnchanged) {
    TempDir dir;
    const fs::path path = dir.path() / "other.db";
    {
        Database db = Database::open(path.string(), OpenMode::ReadWriteCreate).value();
        ASSERT_TRUE(db.exec("CREATE TABLE songs(title TEXT)"));
    }
    const std::string before = fileBytes(path);
    Result<ExperimentStore> opened = ExperimentStore::open(path.string());
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().message,
              path.string() +
                  " is an SQLite database but not an mTREC experiment store "
                  "(it has no meta table); it was not changed");
    EXPECT_EQ(fileBytes(path), before);
}

TEST(Schema, ReadOnlyOpeningOfAnEmptyFileCreatesNothing) {
    TempDir dir;
    const fs::path path = dir.write("empty.db", "");
    StoreOptions options;
    options.mode = OpenMode::ReadOnly;
    Result<ExperimentStore> opened = ExperimentStore::open(path.string(), options);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().message,
              path.string() + " holds no experiment store yet (it is empty)");
    EXPECT_EQ(fs::file_size(path), 0u);
}

TEST(Schema, GarbledVersionIsAnError) {
    TempDir dir;
    const fs::path path = dir.path() / "e.db";
    {
        ExperimentStore store = test::openStore(path);
        ASSERT_TRUE(
            store.database().exec("UPDATE meta SET value = 'v1' WHERE key = 'schema_version'"));
    }
    Result<ExperimentStore> opened = ExperimentStore::open(path.string());
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().message,
              path.string() + ": meta.schema_version is 'v1', not a version number");
}

// One fixture per past schema version; each must open, migrate to the current version and keep its
// data.
/// A copy of a fixture, opened (and migrated) with a heartbeat timeout its running run outlives.
ExperimentStore openFixture(const TempDir& dir, const std::string& name) {
    StoreOptions options;
    options.heartbeatTimeoutMs = 1LL << 60;  // the fixture's running run has an old heartbeat
    return test::openStore(copyFixture(dir, name), options);
}

TEST(SchemaFixtures, Version1OpensMigratesAndKeepsItsData) {
    TempDir dir;
    ExperimentStore store = openFixture(dir, "schema_v1.db");
    EXPECT_EQ(store.foundSchemaVersion(), 1);
    EXPECT_EQ(readSchemaVersion(store.database()).value(), kSchemaVersion);

    std::vector<RunListing> runs = store.runs().list().value();
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(runs[0].run.name, "hybrid s1");
    EXPECT_EQ(runs[0].run.checkpointPath, "ckpt/run1.pt");
    EXPECT_EQ(runs[0].run.tags, std::vector<std::string>{"baseline"});
    ASSERT_EQ(runs[1].summary.size(), 1u);
    EXPECT_DOUBLE_EQ(runs[1].summary[0].value, 0.75);
    // Run 3 belongs to a process on another host ("fixture-host") with a heartbeat younger than the
    // (huge) timeout: it stays running.
    EXPECT_EQ(runs[2].run.status, RunStatus::Running);

    std::vector<QueryValue> perQuery =
        store.results()
            .perQuery(2, {"xquad-r", eval::Setting::Mo, "de", "de"}, eval::Metric::Map)
            .value();
    ASSERT_EQ(perQuery.size(), 2u);
    EXPECT_EQ(perQuery[1].qid, "q2");
    EXPECT_DOUBLE_EQ(perQuery[1].value, 0.5);
    EXPECT_EQ(store.trainingLog().steps(1).value().size(), 2u);
    EXPECT_EQ(store.runs().notes(1).value().at(0).text, "first fixture note");
}

TEST(SchemaFixtures, Version1FixtureWithAnOldHeartbeatMarksItsRunInterrupted) {
    TempDir dir;
    const fs::path path = copyFixture(dir, "schema_v1.db");
    ExperimentStore store =
        test::openStore(path);  // default 10-minute timeout; heartbeat is from 2023
    EXPECT_EQ(store.interruptedAtOpen(), std::vector<std::int64_t>{3});
    EXPECT_EQ(store.runs().get(3).value().status, RunStatus::Interrupted);
    EXPECT_EQ(store.runs().get(1).value().status, RunStatus::Finished);
}

// Version 2 adds eval_results.query_count, read back from version 1 definitions that name it, and
// the change log, which starts with every existing run at version 1.
TEST(SchemaFixtures, Version2FillsQueryCountsFromDefinitionsAndStartsTheChangeLog) {
    TempDir dir;
    const fs::path path = dir.path() / "v1.db";
    {
        Database db = Database::open(path.string(), OpenMode::ReadWriteCreate).value();
        ASSERT_TRUE(
            db.exec(fileBytes(fs::path(MTREC_SOURCE_DIR) / "tests/fixtures/store/schema_v1.sql")));
        ASSERT_TRUE(db.exec(
            "INSERT INTO eval_results(id, run_id, suite, setting, query_lang, cand_lang, metric, "
            "value, definition, recorded_at) VALUES "
            "(5, 2, 'xquad-r', 'Cr', 'de', 'en', 'map', 0.5, 'trec_eval 10 map over the whole "
            "ranking; pool=en candidates; mean over 12 queries of de with a judgment in the pool', "
            "1), (6, 2, 'xquad-r', 'Mul', 'de', 'all', 'rank_distance', 2.5, 'mean over de queries "
            "of max - min Mul rank of the relevant candidate across languages (7 queries)', 1)"));
    }
    StoreOptions options;
    options.heartbeatTimeoutMs = 1LL << 60;
    ExperimentStore store = test::openStore(path, options);
    EXPECT_EQ(store.foundSchemaVersion(), 1);
    std::map<std::string, std::optional<std::int64_t>> counts;
    const std::vector<EvalCell> cells = store.results().matrix(2).value();
    for (const EvalCell& cell : cells)
        counts[std::string(eval::settingName(cell.key.setting)) + " " + cell.key.queryLang + " " +
               cell.key.candLang + " " + std::string(measureName(cell.metric))] = cell.queryCount;
    EXPECT_EQ(counts.at("Cr de en map"), 12);
    EXPECT_EQ(counts.at("Mul de all rank_distance"), 7);
    EXPECT_EQ(counts.at("Mo de de map"), std::nullopt);  // its definition names no count
    const StoreChanges changes = store.changes().since(0).value();
    EXPECT_EQ(changes.version, 1);
    EXPECT_EQ(changes.runIds, (std::vector<std::int64_t>{1, 2, 3}));
}

// Version 4 adds step_metrics.val_cross_mrr; the step rows of an older store keep their values and
// have none.
TEST(SchemaFixtures, Version4AddsTheValidationCrossMrrColumnEmptyForOldSteps) {
    TempDir dir;
    ExperimentStore store = openFixture(dir, "schema_v2.db");
    Statement query = store.database().prepare(
        "SELECT count(*), count(val_loss), count(val_cross_mrr) FROM step_metrics");
    ASSERT_TRUE(query.step());
    EXPECT_GT(query.int64(0), 0);
    EXPECT_EQ(query.int64(2), 0);
    const std::vector<StepMetric> steps = store.trainingLog().steps(1, 0).value();
    ASSERT_FALSE(steps.empty());
    for (const StepMetric& step : steps) EXPECT_FALSE(step.validationCrossMrr.has_value());
}

// Version 3 adds suite_contamination; the runs of a version 2 store stay as they were, none of
// them contaminated.
TEST(SchemaFixtures, Version2OpensMigratesAndKeepsItsDataWithNoRunContaminated) {
    TempDir dir;
    ExperimentStore store = openFixture(dir, "schema_v2.db");
    EXPECT_EQ(store.foundSchemaVersion(), 2);
    EXPECT_EQ(readSchemaVersion(store.database()).value(), kSchemaVersion);

    std::vector<RunListing> runs = store.runs().list().value();
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(runs[0].run.name, "hybrid s1");
    EXPECT_EQ(runs[0].run.tags, std::vector<std::string>{"baseline"});
    ASSERT_EQ(runs[1].summary.size(), 1u);
    EXPECT_DOUBLE_EQ(runs[1].summary[0].value, 0.75);
    for (const RunListing& listing : runs) EXPECT_TRUE(listing.run.contaminated.empty());
    EXPECT_TRUE(store.results().contamination(1).value().empty());
    const std::vector<EvalCell> cells = store.results().matrix(2).value();
    ASSERT_EQ(cells.size(), 2u);
    EXPECT_EQ(cells[0].queryCount, std::nullopt);  // (Mo, all, all): a summary
    EXPECT_EQ(cells[1].queryCount, 2);             // (Mo, de, de): filled in the fixture
    EXPECT_EQ(store.results()
                  .perQuery(2, {"xquad-r", eval::Setting::Mo, "de", "de"}, eval::Metric::Map)
                  .value()
                  .size(),
              2u);
    EXPECT_EQ(store.changes().since(0).value().version, 1) << "migrating changes no run";

    // The migrated store records contamination, and the change log sees it.
    ASSERT_TRUE(store.results().recordContamination(2, {"xquad-r", 2, 1, 4, 0, "found"}));
    EXPECT_EQ(store.runs().get(2).value().contaminated.at(0).marker(),
              "xquad-r [contaminated: 1 shared question]");
    EXPECT_EQ(store.changes().since(1).value().runIds, std::vector<std::int64_t>{2});
}

// Version 4 adds step_metrics.val_cross_mrr to a version 3 store: its contamination records,
// tags, steps and results stay as they were.
TEST(SchemaFixtures, Version3OpensMigratesAndKeepsItsContamination) {
    TempDir dir;
    ExperimentStore store = openFixture(dir, "schema_v3.db");
    EXPECT_EQ(store.foundSchemaVersion(), 3);
    EXPECT_EQ(readSchemaVersion(store.database()).value(), kSchemaVersion);

    const RunRecord run = store.runs().get(2).value();
    ASSERT_EQ(run.contaminated.size(), 1u);
    EXPECT_EQ(run.contaminated[0].marker(), "xquad-r [contaminated: 1 shared question]");
    EXPECT_EQ(run.tags, (std::vector<std::string>{"baseline", "contaminated-fixture"}));
    EXPECT_TRUE(store.runs().get(1).value().contaminated.empty());
    const std::vector<StepMetric> steps = store.trainingLog().steps(1, 0).value();
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_DOUBLE_EQ(steps[1].validationLoss.value(), 2.4);
    EXPECT_FALSE(steps[1].validationCrossMrr.has_value());
    EXPECT_EQ(store.results()
                  .perQuery(2, {"xquad-r", eval::Setting::Mo, "de", "de"}, eval::Metric::Map)
                  .value()
                  .size(),
              2u);
    const std::int64_t before = store.changes().since(0).value().version;
    // The migrated store takes a new step with a validation MRR.
    StepMetric next;
    next.step = 3;
    next.loss = 2.0;
    next.validationLoss = 2.3;
    next.validationCrossMrr = 0.25;
    {
        auto writer = store.metricsWriter(1, 1);
        ASSERT_TRUE(writer->add(next));
    }
    EXPECT_DOUBLE_EQ(store.trainingLog().steps(1, 0).value().back().validationCrossMrr.value(),
                     0.25);
    EXPECT_GT(store.changes().since(0).value().version, before);
}

// Every past version's fixture, migrated, has exactly the tables, columns, indexes and triggers a
// new database has.
TEST(SchemaFixtures, EveryMigratedVersionHasTheSameShapeAsANewDatabase) {
    TempDir dir;
    ExperimentStore fresh = test::openStore(dir.path() / "fresh.db");
    for (const char* fixture : {"schema_v1.db", "schema_v2.db", "schema_v3.db"}) {
        ExperimentStore migrated = test::openStore(copyFixture(dir, fixture));
        EXPECT_EQ(schemaShape(migrated.database()), schemaShape(fresh.database())) << fixture;
    }
}

}  // namespace
}  // namespace mtrec::store
