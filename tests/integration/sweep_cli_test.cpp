// mtrec sweep --run and mtrec runs merge end to end: a two-config grid trains into one database per
// run, the runs merge into one store (again: nothing new), and a merge killed midway leaves its
// target without a single imported row.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

#include <sys/wait.h>

#include "cli_runner.h"
#include "store/store_merge.h"
#include "store_merge_test_support.h"
#include "test_support.h"
#include "train_fixture.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST(SweepCli, RunTrainsEachConfigIntoItsOwnDatabaseAndTheRunsMerge) {
    TempDir dir;
    writeTinyQaCorpus(dir.path() / "qa");
    json base = tinyTrainingConfig(dir.path() / "qa");
    base["optimizer"] = {{"lr", 0.003}, {"steps", 6}, {"warmup_steps", 2}};
    dir.write("base.json", base.dump(2));
    const json grid = {{"base", "base.json"},
                       {"name", "grid"},
                       {"strategies", {{{"name", "hybrid"}, {"alpha", {0.5}}}, {{"name", "mono"}}}},
                       {"seeds", {7}}};
    const fs::path gridFile = dir.write("grid.json", grid.dump(2));
    const fs::path sweep = dir.path() / "sweep";

    const auto ran =
        runMtrec({"sweep", "--grid", gridFile.string(), "--out", sweep.string(), "--run"});
    ASSERT_EQ(ran.exitCode, 0) << ran.output;
    EXPECT_NE(ran.output.find("sweep grid: 2 configs in " + (sweep / "configs").string()),
              std::string::npos)
        << ran.output;
    EXPECT_NE(ran.output.find("task 1/1 (mono-s7): " +
                              (sweep / "configs/001-mono-s7.json").string()),
              std::string::npos);
    EXPECT_NE(ran.output.find("merge the finished runs with: "), std::string::npos);

    // Again: both runs are there, nothing trains.
    const auto again =
        runMtrec({"sweep", "--grid", gridFile.string(), "--out", sweep.string(), "--run"});
    ASSERT_EQ(again.exitCode, 0) << again.output;
    EXPECT_NE(again.output.find("task 0 (hybrid-s7): already finished in " +
                                (sweep / "db/000.db").string()),
              std::string::npos)
        << again.output;

    const fs::path target = dir.path() / "experiments.db";
    const std::vector<std::string> merge = {"runs", "merge", (sweep / "db/000.db").string(),
                                            (sweep / "db/001.db").string(), "--into",
                                            target.string()};
    const auto merged = runMtrec(merge);
    ASSERT_EQ(merged.exitCode, 0) << merged.output;
    EXPECT_NE(merged.output.find("merged into " + target.string() + " (created):\n  " +
                                 (sweep / "db/000.db").string() +
                                 " (schema version 4): imported 1 run (1 -> 1 grid-hybrid-s7)\n"),
              std::string::npos)
        << merged.output;
    EXPECT_NE(merged.output.find("imported 1 run (1 -> 2 grid-mono-s7)\n2 runs imported in all\n"),
              std::string::npos)
        << merged.output;

    store::ExperimentStore store = store::test::openStore(target);
    EXPECT_EQ(store::test::count(store, "SELECT count(*) FROM runs WHERE status = 'finished'"), 2);
    EXPECT_EQ(store::test::count(store, "SELECT count(*) FROM step_metrics"), 12);
    EXPECT_EQ(store.runs().get(2).value().strategy, "mono");
    EXPECT_GT(store::test::count(store, "SELECT count(*) FROM per_query_results"), 0);

    std::vector<std::string> skipping = merge;
    skipping.push_back("--skip-duplicates");
    const auto twice = runMtrec(skipping);
    ASSERT_EQ(twice.exitCode, 0) << twice.output;
    EXPECT_NE(twice.output.find(" nothing new; skipped 1 duplicate already in the target (1 = 2 "
                                "grid-mono-s7)\n0 runs imported in all\n"),
              std::string::npos)
        << twice.output;
    const auto refused = runMtrec(merge);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.output.find("mtrec: nothing was merged: run 1 (grid-hybrid-s7) of " +
                                  (sweep / "db/000.db").string() + " is already in " +
                                  target.string() + " as run 1"),
              std::string::npos)
        << refused.output;
}

/// Waits (up to a minute) until `file` exists; fails when the child ends first.
void waitForFile(pid_t child, const fs::path& file) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int status = 0;
    while (!fs::exists(file) && std::chrono::steady_clock::now() < deadline) {
        ASSERT_EQ(::waitpid(child, &status, WNOHANG), 0) << "mtrec ended before " << file;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_TRUE(fs::exists(file)) << file << " never appeared";
}

TEST(MergeCli, AMergeKilledMidwayLeavesNothingImported) {
    TempDir dir;
    const fs::path a = dir.path() / "a.db", b = dir.path() / "b.db";
    {
        store::ExperimentStore first = store::test::openTickingStore(a, 1'000);
        store::test::addRecordedRun(first, "alpha", 1, 1.0);
        store::test::addRecordedRun(first, "beta", 2, 2.0);
        store::ExperimentStore second = store::test::openTickingStore(b, 9'000);
        store::test::addRecordedRun(second, "gamma", 3, 3.0);
    }
    const fs::path target = dir.path() / "experiments.db";
    const fs::path marker = dir.path() / "paused";
    const std::vector<std::string> merge = {"runs", "merge", a.string(), b.string(), "--into",
                                            target.string()};
    // Paused after the second run is copied (beta), inside the transaction, and killed there.
    const pid_t child = spawnMtrec(
        merge, {{"MTREC_TEST_PAUSE_AT", "merge-run:2"}, {"MTREC_TEST_PAUSE_MARKER", marker.string()}},
        dir.path() / "merge.log");
    ASSERT_GE(child, 0);
    waitForFile(child, marker);
    int status = 0;
    ::kill(child, SIGKILL);
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    {
        store::ExperimentStore store = store::test::openStore(target);
        for (const char* table : {"runs", "step_metrics", "eval_results", "per_query_results",
                                  "notes", "tags", "batch_telemetry", "suite_contamination"})
            EXPECT_EQ(store::test::count(store, std::string("SELECT count(*) FROM ") + table), 0)
                << table;
    }
    const auto merged = runMtrec(merge);  // the killed merge left no lock behind
    ASSERT_EQ(merged.exitCode, 0) << merged.output;
    EXPECT_NE(merged.output.find("3 runs imported in all"), std::string::npos) << merged.output;
}

}  // namespace
}  // namespace mtrec::test
