#include <gtest/gtest.h>

#include <filesystem>

#include "store/experiment_store.h"
#include "store/schema.h"
#include "test_support.h"

namespace mtrec::store {
namespace {

TEST(ExperimentStore, CreatesNewDatabaseInWalModeWithCurrentSchema) {
    test::TempDir dir;
    const std::string path = (dir.path() / kDefaultDatabaseName).string();
    Result<ExperimentStore> opened = ExperimentStore::open(path);
    ASSERT_TRUE(opened) << opened.error().message;
    ExperimentStore& store = opened.value();
    EXPECT_EQ(store.foundSchemaVersion(), 0);
    Statement mode = store.database().prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
    Result<int> version = readSchemaVersion(store.database());
    ASSERT_TRUE(version);
    EXPECT_EQ(version.value(), kSchemaVersion);
    Result<std::vector<RunListing>> runs = store.runs().list();
    ASSERT_TRUE(runs);
    EXPECT_TRUE(runs.value().empty());
}

TEST(ExperimentStore, ReopeningKeepsRunsAndReportsTheVersionFound) {
    test::TempDir dir;
    const std::string path = (dir.path() / "e.db").string();
    {
        ExperimentStore store = ExperimentStore::open(path).value();
        NewRun run;
        run.name = "hybrid a=0.5";
        run.strategy = "hybrid";
        run.seed = 7;
        ASSERT_EQ(store.runs().create(run).value(), 1);
    }
    ExperimentStore store = ExperimentStore::open(path).value();
    EXPECT_EQ(store.foundSchemaVersion(), kSchemaVersion);
    std::vector<RunListing> runs = store.runs().list().value();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].run.name, "hybrid a=0.5");
    EXPECT_EQ(runs[0].run.seed, 7);
    EXPECT_EQ(runs[0].run.status, RunStatus::Queued);
}

}  // namespace
}  // namespace mtrec::store
