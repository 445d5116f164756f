// mergeStores' sources: refused when of a newer schema, not a store or damaged (naming the file
// and the versions); an older schema merged from a migrated copy, the file left as it was.
#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/store_merge.h"
#include "store_merge_test_support.h"

namespace mtrec::store {
namespace {

namespace fs = std::filesystem;
using mtrec::test::TempDir;
using test::count;
using test::fileBytes;

class MergeSources : public ::testing::Test {
protected:
    /// A closed store with one finished run, its meta.schema_version set to `version`.
    fs::path storeOfVersion(const std::string& name, const std::string& version) {
        const fs::path path = dir_.path() / name;
        ExperimentStore store = test::openTickingStore(path, 5'000);
        test::addRecordedRun(store, "run", 13, 1.0);
        store.database().run("UPDATE meta SET value = '" + version +
                             "' WHERE key = 'schema_version'");
        return path;
    }

    std::string mergeError(const std::vector<std::string>& sources) {
        Result<MergeReport> merged = mergeStores(sources, target_.string());
        EXPECT_FALSE(merged);
        return merged ? std::string() : merged.error().message;
    }

    TempDir dir_;
    fs::path target_ = dir_.path() / "experiments.db";
};

TEST_F(MergeSources, ANewerSchemaIsRefusedNamingTheFileAndBothVersions) {
    const fs::path newer = storeOfVersion("newer.db", "9");
    const fs::path good = storeOfVersion("good.db", std::to_string(kSchemaVersion));
    EXPECT_EQ(mergeError({good.string(), newer.string()}),
              "cannot merge: " + newer.string() +
                  " has schema version 9, newer than this program reads (versions 1 to " +
                  std::to_string(kSchemaVersion) + "); merge it with a newer mtrec");
    EXPECT_FALSE(fs::exists(target_));  // sources are checked before the target is made
}

TEST_F(MergeSources, AFileThatIsNotADatabaseIsRefusedByName) {
    const fs::path text = dir_.path().string() + "/notes.db";
    std::ofstream(text) << "runs I remember\n";
    const std::string message = mergeError({text.string()});
    EXPECT_EQ(message, "cannot merge: cannot open database " + text.string() +
                           ": it is not a database (it does not start with the SQLite header); "
                           "it was not changed");
    EXPECT_EQ(fileBytes(text), "runs I remember\n");
}

TEST_F(MergeSources, ADatabaseThatIsNoStoreOrIsTruncatedIsRefusedByName) {
    const fs::path other = dir_.path() / "other.db";
    Database::open(other.string(), OpenMode::ReadWriteCreate).value().run("CREATE TABLE t(x)");
    EXPECT_EQ(mergeError({other.string()}),
              "cannot merge: " + other.string() +
                  " is an SQLite database but not an mTREC experiment store (it has no meta "
                  "table); it was not changed");
    const fs::path cut = storeOfVersion("cut.db", std::to_string(kSchemaVersion));
    fs::resize_file(cut, fs::file_size(cut) - 100);
    EXPECT_NE(mergeError({cut.string()}).find(cut.string() + ": it is truncated mid-page"),
              std::string::npos);
}

TEST_F(MergeSources, AnUnknownTableIsRefusedRatherThanLeftBehind) {
    const fs::path extra = storeOfVersion("extra.db", std::to_string(kSchemaVersion));
    Database::open(extra.string(), OpenMode::ReadWrite).value().run(
        "CREATE TABLE run_artifacts(run_id INTEGER, path TEXT)");
    EXPECT_EQ(mergeError({extra.string()}),
              extra.string() +
                  " has the table 'run_artifacts', which this program does not know how to "
                  "merge; it was not merged");
}

TEST_F(MergeSources, AVersion1StoreMergesFromAMigratedCopyAndStaysAsItWas) {
    const fs::path v1 = dir_.path() / "v1.db";
    fs::copy_file(fs::path(MTREC_SOURCE_DIR) / "tests/fixtures/store/schema_v1.db", v1);
    const std::string before = fileBytes(v1);
    const MergeReport report = mergeStores({v1.string()}, target_.string()).value();
    ASSERT_EQ(report.sources.size(), 1u);
    EXPECT_EQ(report.sources[0].schemaVersion, 1);
    ASSERT_EQ(report.sources[0].imported.size(), 2u);  // hybrid s1, hybrid s2
    EXPECT_EQ(report.sources[0].imported[1].name, "hybrid s2");
    ASSERT_EQ(report.sources[0].leftOut.size(), 1u);  // multitask s1, running
    EXPECT_EQ(report.sources[0].leftOut[0].status, RunStatus::Running);
    EXPECT_EQ(fileBytes(v1), before);

    // Every per-query value came along, under the cell of its run.
    const std::string values =
        "SELECT group_concat(r.name || ' ' || p.qid || ' ' || p.value, ', ') FROM "
        "(SELECT * FROM per_query_results ORDER BY cell_id, qid) p "
        "JOIN eval_results e ON e.id = p.cell_id JOIN runs r ON r.id = e.run_id";
    ExperimentStore target = test::openStore(target_);
    Database original = Database::open(v1.string(), OpenMode::ReadOnly).value();
    Statement expected = original.prepare(values), merged = target.database().prepare(values);
    ASSERT_TRUE(expected.step() && merged.step());
    EXPECT_EQ(merged.text(0), expected.text(0));
    EXPECT_EQ(count(target, "SELECT count(*) FROM per_query_results"), 4);
}

TEST_F(MergeSources, AVersion3StoreMergesWithItsContaminationMarks) {
    const fs::path v3 = dir_.path() / "v3.db";
    fs::copy_file(fs::path(MTREC_SOURCE_DIR) / "tests/fixtures/store/schema_v3.db", v3);
    const std::string before = fileBytes(v3);
    const MergeReport report = mergeStores({v3.string()}, target_.string()).value();
    ASSERT_EQ(report.sources.size(), 1u);
    EXPECT_EQ(report.sources[0].schemaVersion, 3);
    ASSERT_EQ(report.sources[0].imported.size(), 2u);  // hybrid s1, hybrid s2
    EXPECT_EQ(fileBytes(v3), before);
    ExperimentStore target = test::openStore(target_);
    const std::int64_t merged = report.sources[0].imported[1].targetId;
    const RunRecord run = target.runs().get(merged).value();
    EXPECT_EQ(run.name, "hybrid s2");
    ASSERT_EQ(run.contaminated.size(), 1u);
    EXPECT_EQ(run.contaminated[0].marker(), "xquad-r [contaminated: 1 shared question]");
    EXPECT_EQ(count(target, "SELECT count(*) FROM step_metrics WHERE val_cross_mrr IS NOT NULL"),
              0);
}

}  // namespace
}  // namespace mtrec::store
