// mergeStores: runs of several stores imported into one, exactly, with ids remapped; duplicates
// refused or skipped; all or nothing; sources never written.
#include <gtest/gtest.h>

#include "store/store_merge.h"
#include "store_merge_test_support.h"

namespace mtrec::store {
namespace {

namespace fs = std::filesystem;
using mtrec::test::TempDir;
using test::addRecordedRun;
using test::count;
using test::fileBytes;
using test::runDump;
using test::withoutMergeNote;

/// a.db: run 1 "alpha" (finished, in experiment "grid"), run 2 "beta" (finished), run 3 "broken"
/// (failed), run 4 "waiting" (queued). b.db: run 1 "gamma" (finished). Both closed.
class StoreMerge : public ::testing::Test {
protected:
    void SetUp() override {
        {
            ExperimentStore a = test::openTickingStore(a_, 1'000'000);
            const std::int64_t grid = a.createExperiment("grid", "a sweep", "{}").value();
            addRecordedRun(a, "alpha", 13, 1.0, grid);
            addRecordedRun(a, "beta", 14, 2.0);
            const std::int64_t broken = test::addRun(a, "broken", "mono", 15);
            ASSERT_TRUE(a.runs().start(broken));
            ASSERT_TRUE(a.runs().fail(broken, "NaN loss at step 3"));
            test::addRun(a, "waiting", "cross", 16);
        }
        ExperimentStore b = test::openTickingStore(b_, 2'000'000);
        addRecordedRun(b, "gamma", 13, 3.0);
    }

    ExperimentStore openTarget() { return test::openStore(target_); }

    TempDir dir_;
    fs::path a_ = dir_.path() / "a.db", b_ = dir_.path() / "b.db";
    fs::path target_ = dir_.path() / "experiments.db";
};

TEST_F(StoreMerge, ImportsFinishedRunsWithEveryRowAndNewIds) {
    const MergeReport report = mergeStores({a_.string(), b_.string()}, target_.string()).value();
    ASSERT_EQ(report.sources.size(), 2u);
    EXPECT_TRUE(report.targetCreated);
    const SourceMerge& a = report.sources[0];
    ASSERT_EQ(a.imported.size(), 2u);
    EXPECT_EQ(a.imported[0].sourceId, 1);
    EXPECT_EQ(a.imported[0].targetId, 1);
    EXPECT_EQ(a.imported[1].name, "beta");
    EXPECT_EQ(a.imported[1].targetId, 2);
    ASSERT_EQ(a.leftOut.size(), 2u);
    EXPECT_EQ(a.leftOut[0].name, "broken");
    EXPECT_EQ(a.leftOut[0].status, RunStatus::Failed);
    EXPECT_EQ(a.leftOut[1].status, RunStatus::Queued);
    ASSERT_EQ(report.sources[1].imported.size(), 1u);
    EXPECT_EQ(report.sources[1].imported[0].sourceId, 1);  // gamma, run 1 of b.db too
    EXPECT_EQ(report.sources[1].imported[0].targetId, 3);
    EXPECT_EQ(report.importedCount(), 3u);

    ExperimentStore target = openTarget();
    ExperimentStore sourceA = test::openStore(a_), sourceB = test::openStore(b_);
    EXPECT_EQ(withoutMergeNote(runDump(target, 1)), runDump(sourceA, 1));
    EXPECT_EQ(withoutMergeNote(runDump(target, 2)), runDump(sourceA, 2));
    EXPECT_EQ(withoutMergeNote(runDump(target, 3)), runDump(sourceB, 1));
    // 3 steps, 2 telemetry rows, 2 cells, 3 per-query values, 2 tags, 1 note (+1 merge note),
    // 1 contaminated suite per run, nothing else.
    EXPECT_EQ(runDump(target, 3).size(), 1u + 3 + 2 + 2 + 3 + 2 + 2 + 1);
    EXPECT_EQ(count(target, "SELECT count(*) FROM per_query_results"), 9);
    EXPECT_EQ(count(target, "SELECT count(*) FROM runs"), 3);
    // The experiment came with alpha; beta and gamma have none.
    EXPECT_EQ(target.runs().get(1).value().experimentId, 1);
    EXPECT_EQ(target.experiments().value().at(0).name, "grid");
    EXPECT_FALSE(target.runs().get(2).value().experimentId.has_value());
    const std::vector<Note> notes = target.runs().notes(3).value();
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[1].text, "merged from " + b_.string() + " (run 1 there)");
}

TEST_F(StoreMerge, UnfinishedRunsComeOnlyWithTheFlagAndQueuedOnesNever) {
    MergeOptions options;
    options.withUnfinished = true;
    const MergeReport report = mergeStores({a_.string()}, target_.string(), options).value();
    ASSERT_EQ(report.sources[0].imported.size(), 3u);
    EXPECT_EQ(report.sources[0].imported[2].name, "broken");
    ASSERT_EQ(report.sources[0].leftOut.size(), 1u);
    EXPECT_EQ(report.sources[0].leftOut[0].name, "waiting");
    ExperimentStore target = openTarget();
    const RunRecord broken = target.runs().get(3).value();
    EXPECT_EQ(broken.status, RunStatus::Failed);
    EXPECT_EQ(broken.errorText, "NaN loss at step 3");
}

TEST_F(StoreMerge, ASecondMergeOfTheSameFileIsRefusedNamingEachRunAndLeavesTheTarget) {
    ASSERT_TRUE(mergeStores({a_.string()}, target_.string()));
    const std::string before = fileBytes(target_);
    Result<MergeReport> again = mergeStores({a_.string()}, target_.string());
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message,
              "nothing was merged: run 1 (alpha) of " + a_.string() + " is already in " +
                  target_.string() + " as run 1; run 2 (beta) of " + a_.string() +
                  " is already in " + target_.string() +
                  " as run 2 (same config, seed and creation time; --skip-duplicates imports "
                  "the others)");
    EXPECT_EQ(fileBytes(target_), before);
}

TEST_F(StoreMerge, SkippingDuplicatesImportsNothingNewTheSecondTime) {
    ASSERT_TRUE(mergeStores({a_.string()}, target_.string()));
    MergeOptions options;
    options.skipDuplicates = true;
    const MergeReport report =
        mergeStores({a_.string(), b_.string()}, target_.string(), options).value();
    EXPECT_TRUE(report.sources[0].imported.empty());
    ASSERT_EQ(report.sources[0].duplicates.size(), 2u);
    EXPECT_EQ(report.sources[0].duplicates[1].sourceId, 2);
    EXPECT_EQ(report.sources[0].duplicates[1].targetId, 2);
    ASSERT_EQ(report.sources[1].imported.size(), 1u);
    EXPECT_EQ(report.sources[1].imported[0].targetId, 3);
    EXPECT_FALSE(report.targetCreated);
    ExperimentStore target = openTarget();
    EXPECT_EQ(count(target, "SELECT count(*) FROM runs"), 3);
    EXPECT_EQ(count(target, "SELECT count(*) FROM experiments"), 1);
}

TEST_F(StoreMerge, AFailureInTheSecondSourceLeavesTheTargetExactlyAsBefore) {
    ASSERT_TRUE(mergeStores({b_.string()}, target_.string()));
    const std::string before = fileBytes(target_);
    // a.db's runs are copied first, then b.db's gamma is found already there: all rolled back.
    Result<MergeReport> merged = mergeStores({a_.string(), b_.string()}, target_.string());
    ASSERT_FALSE(merged);
    EXPECT_NE(merged.error().message.find("run 1 (gamma) of " + b_.string()), std::string::npos)
        << merged.error().message;
    EXPECT_EQ(fileBytes(target_), before);
    ExperimentStore target = openTarget();
    EXPECT_EQ(count(target, "SELECT count(*) FROM runs"), 1);
    EXPECT_EQ(count(target, "SELECT count(*) FROM experiments"), 0);
}

TEST_F(StoreMerge, TheSameFileTwiceInOneMergeIsADuplicate) {
    Result<MergeReport> merged = mergeStores({b_.string(), b_.string()}, target_.string());
    ASSERT_FALSE(merged);
    EXPECT_NE(merged.error().message.find("is already in " + target_.string() + " as run 1"),
              std::string::npos);
    ExperimentStore target = openTarget();
    EXPECT_EQ(count(target, "SELECT count(*) FROM runs"), 0);
}

TEST_F(StoreMerge, SourcesAreNeverWritten) {
    const std::string a = fileBytes(a_), b = fileBytes(b_);
    ASSERT_TRUE(mergeStores({a_.string(), b_.string()}, target_.string()));
    EXPECT_FALSE(mergeStores({a_.string()}, target_.string()));  // refused duplicates
    EXPECT_EQ(fileBytes(a_), a);
    EXPECT_EQ(fileBytes(b_), b);
    // A read-only connection to a WAL database makes the -wal and -shm files it needs when the
    // folder allows; nothing is written to the -wal.
    EXPECT_EQ(fileBytes(a_.string() + "-wal"), "");
    EXPECT_FALSE(fs::exists(a_.string() + "-journal"));
}

TEST_F(StoreMerge, TheTargetIsRefusedAsASource) {
    ASSERT_TRUE(mergeStores({b_.string()}, target_.string()));
    Result<MergeReport> merged = mergeStores({target_.string()}, target_.string());
    ASSERT_FALSE(merged);
    EXPECT_EQ(merged.error().message,
              target_.string() + " is the target " + target_.string() + " itself; it was not merged");
}

}  // namespace
}  // namespace mtrec::store
