#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include "store_test_support.h"

namespace mtrec::store {
namespace {

using mtrec::test::TempDir;
using test::addRun;
using test::count;

using test::ClockedStore;

/// The pid of a process that has ended (forked, exited and reaped).
std::int64_t deadPid() {
    const pid_t child = fork();
    if (child == 0) _exit(0);
    int status = 0;
    waitpid(child, &status, 0);
    return child;
}

TEST(RunRepository, LifecycleRecordsTimesProcessAndStatus) {
    ClockedStore s;
    RunRepository runs = s.store.runs();
    const std::int64_t id = addRun(s.store, "hybrid", "hybrid", 3);
    RunRecord queued = runs.get(id).value();
    EXPECT_EQ(queued.status, RunStatus::Queued);
    EXPECT_EQ(queued.createdAtMs, 1'000'000);
    EXPECT_EQ(queued.codeVersion, MTREC_VERSION);
    EXPECT_FALSE(queued.startedAtMs.has_value());

    *s.now = 1'000'500;
    ASSERT_TRUE(runs.start(id, {777, "lab-host"}));
    *s.now = 1'001'000;
    ASSERT_TRUE(runs.heartbeat(id));
    ASSERT_TRUE(runs.setCheckpoint(id, "/ckpt/step-100.pt"));
    *s.now = 1'002'000;
    ASSERT_TRUE(runs.finish(id));

    RunRecord done = runs.get(id).value();
    EXPECT_EQ(done.status, RunStatus::Finished);
    EXPECT_EQ(done.startedAtMs, 1'000'500);
    EXPECT_EQ(done.heartbeatAtMs, 1'002'000);
    EXPECT_EQ(done.finishedAtMs, 1'002'000);
    EXPECT_EQ(done.pid, 777);
    EXPECT_EQ(done.hostname, "lab-host");
    EXPECT_EQ(done.checkpointPath, "/ckpt/step-100.pt");
}

TEST(RunRepository, InvalidTransitionsNameTheRunAndItsState) {
    ClockedStore s;
    RunRepository runs = s.store.runs();
    const std::int64_t id = addRun(s.store, "r", "mono", 1);
    Status finish = runs.finish(id);
    ASSERT_FALSE(finish);
    EXPECT_EQ(finish.error().message, "cannot finish run 1: it is queued");
    ASSERT_TRUE(runs.start(id));
    Status twice = runs.start(id);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().message, "cannot start run 1: it is running");
    ASSERT_TRUE(runs.finish(id));
    Status again = runs.start(id);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message, "cannot start run 1: it is finished");
    EXPECT_EQ(runs.get(id).value().status, RunStatus::Finished);
    EXPECT_TRUE(runs.notes(id).value().empty());
    EXPECT_EQ(runs.heartbeat(99).error().message, "no run with id 99 in " + s.store.path());
    EXPECT_EQ(runs.start(99).error().message, "no run with id 99 in " + s.store.path());
}

TEST(RunRepository, FailedAndCancelledRunsStartAgainKeepingTheirEndAsANote) {
    ClockedStore s;
    RunRepository runs = s.store.runs();
    const std::int64_t failed = addRun(s.store, "failed", "mono", 1);
    const std::int64_t cancelled = addRun(s.store, "cancelled", "mono", 2);
    *s.now = 1'000'100;
    ASSERT_TRUE(runs.start(failed, {101, "lab-host"}));
    ASSERT_TRUE(runs.start(cancelled, {102, "lab-host"}));
    *s.now = 1'000'200;
    ASSERT_TRUE(runs.fail(failed, "loss became NaN at step 12"));
    ASSERT_TRUE(runs.cancel(cancelled));
    EXPECT_EQ(runs.get(failed).value().finishedAtMs, 1'000'200);

    *s.now = 1'000'300;
    ASSERT_TRUE(runs.start(failed, {201, "other-host"}));
    ASSERT_TRUE(runs.start(cancelled, {202, "other-host"}));
    const RunRecord again = runs.get(failed).value();
    EXPECT_EQ(again.status, RunStatus::Running);
    EXPECT_FALSE(again.errorText.has_value());
    EXPECT_FALSE(again.finishedAtMs.has_value());
    EXPECT_EQ(again.startedAtMs, 1'000'100);  // the first start
    EXPECT_EQ(again.heartbeatAtMs, 1'000'300);
    EXPECT_EQ(again.pid, 201);
    EXPECT_EQ(again.hostname, "other-host");
    const std::vector<Note> failedNotes = runs.notes(failed).value();
    ASSERT_EQ(failedNotes.size(), 1u);
    EXPECT_EQ(failedNotes[0].text, "resumed after: failed: loss became NaN at step 12");
    EXPECT_EQ(failedNotes[0].createdAtMs, 1'000'300);
    const std::vector<Note> cancelledNotes = runs.notes(cancelled).value();
    ASSERT_EQ(cancelledNotes.size(), 1u);
    EXPECT_EQ(cancelledNotes[0].text, "resumed after: cancelled");
    EXPECT_EQ(runs.get(cancelled).value().status, RunStatus::Running);

    // The resumed run ends again like any running run; a second resume adds a second note.
    *s.now = 1'000'400;
    ASSERT_TRUE(runs.fail(failed, "disk full"));
    ASSERT_TRUE(runs.start(failed));
    ASSERT_TRUE(runs.finish(failed));
    ASSERT_EQ(runs.notes(failed).value().size(), 2u);
    EXPECT_EQ(runs.notes(failed).value()[1].text, "resumed after: failed: disk full");
    EXPECT_EQ(runs.get(failed).value().status, RunStatus::Finished);
    EXPECT_EQ(runs.get(failed).value().finishedAtMs, 1'000'400);
}

TEST(RunRepository, AQueuedRunStartsWithoutANote) {
    ClockedStore s;
    const std::int64_t id = addRun(s.store, "r", "mono", 1);
    ASSERT_TRUE(s.store.runs().start(id));
    EXPECT_TRUE(s.store.runs().notes(id).value().empty());
}

TEST(RunRepository, QueuedRunCanBeCancelled) {
    ClockedStore s;
    const std::int64_t id = addRun(s.store, "r", "mono", 1);
    ASSERT_TRUE(s.store.runs().cancel(id));
    EXPECT_EQ(s.store.runs().get(id).value().status, RunStatus::Cancelled);
}

TEST(RunRepository, RunOfADeadProcessOnThisHostBecomesInterruptedAtOpen) {
    ClockedStore s;
    const std::int64_t dead = addRun(s.store, "dead", "mono", 1);
    const std::int64_t alive = addRun(s.store, "alive", "mono", 1);
    const std::int64_t finished = addRun(s.store, "finished", "mono", 1);
    const std::string host = ProcessIdentity::current().hostname;
    ASSERT_TRUE(s.store.runs().start(dead, {deadPid(), host}));
    ASSERT_TRUE(s.store.runs().start(alive, ProcessIdentity::current()));
    ASSERT_TRUE(s.store.runs().start(finished, ProcessIdentity::current()));
    ASSERT_TRUE(s.store.runs().finish(finished));

    ExperimentStore reopened = s.open();
    EXPECT_EQ(reopened.interruptedAtOpen(), std::vector<std::int64_t>{dead});
    RunRecord run = reopened.runs().get(dead).value();
    EXPECT_EQ(run.status, RunStatus::Interrupted);
    EXPECT_EQ(run.errorText, "the process (pid " + std::to_string(*run.pid) + " on " + host +
                                 ") ended without finishing the run");
    EXPECT_EQ(reopened.runs().get(alive).value().status, RunStatus::Running);
    EXPECT_EQ(reopened.runs().get(finished).value().status, RunStatus::Finished);
    // The dead process's trainer cannot heartbeat any more; an interrupted run can be started
    // again.
    EXPECT_EQ(reopened.runs().heartbeat(dead).error().message,
              "cannot heartbeat run 1: it is interrupted");
    ASSERT_TRUE(reopened.runs().start(dead));
    EXPECT_EQ(reopened.runs().get(dead).value().status, RunStatus::Running);
    EXPECT_FALSE(reopened.runs().get(dead).value().errorText.has_value());
    ASSERT_EQ(reopened.runs().notes(dead).value().size(), 1u);
    EXPECT_EQ(reopened.runs().notes(dead).value()[0].text,
              "resumed after: interrupted: " + *run.errorText);
}

TEST(RunRepository, StaleHeartbeatOnAnotherHostBecomesInterrupted) {
    ClockedStore s;
    const std::int64_t fresh = addRun(s.store, "fresh", "mono", 1);
    const std::int64_t stale = addRun(s.store, "stale", "mono", 1);
    ASSERT_TRUE(s.store.runs().start(stale, {12, "other-host"}));
    *s.now += 50'000;
    ASSERT_TRUE(s.store.runs().start(fresh, {13, "other-host"}));
    *s.now += 20'000;  // stale: 70 s without a heartbeat; fresh: 20 s (timeout 60 s)
    EXPECT_EQ(s.store.runs().findInterrupted(60'000).value(), std::vector<std::int64_t>{stale});
    EXPECT_EQ(s.store.runs().get(stale).value().status,
              RunStatus::Running);  // find changes nothing
    ExperimentStore reopened = s.open(60'000);
    EXPECT_EQ(reopened.interruptedAtOpen(), std::vector<std::int64_t>{stale});
    EXPECT_EQ(reopened.runs().get(fresh).value().status, RunStatus::Running);
}

TEST(RunRepository, ListSortsFiltersAndCarriesTagsAndSummaries) {
    ClockedStore s;
    RunRepository runs = s.store.runs();
    const std::int64_t b = addRun(s.store, "beta", "cross", 2);
    const std::int64_t a = addRun(s.store, "Alpha", "mono", 1);
    const std::int64_t c = addRun(s.store, "gamma", "hybrid", 3);
    ASSERT_TRUE(runs.addTag(a, "paper"));
    ASSERT_TRUE(runs.addTag(a, "paper"));  // no-op
    ASSERT_TRUE(runs.addTag(a, "best"));
    ASSERT_TRUE(runs.addTag(c, "paper"));
    ASSERT_TRUE(s.store.results().record(
        a, {test::cell("Cr", "all", "all", 0.25), test::cell("Mo", "all", "all", 0.5),
            test::cell("Mul", "all", "all", 0.125), test::cell("Mo", "de", "de", 0.9),
            test::cell("Mo", "all", "all", 0.7, "recip_rank")}));

    ListOptions byName;
    byName.sortBy = RunSortKey::Name;
    std::vector<RunListing> listed = runs.list(byName).value();
    ASSERT_EQ(listed.size(), 3u);
    EXPECT_EQ(listed[0].run.id, a);  // case-insensitive: Alpha, beta, gamma
    EXPECT_EQ(listed[1].run.id, b);
    EXPECT_EQ(listed[0].run.tags, (std::vector<std::string>{"best", "paper"}));
    ASSERT_EQ(listed[0].summary.size(), 3u);  // map only, in Mo, Cr, Mul order, pair cells excluded
    EXPECT_EQ(listed[0].summary[0].setting, eval::Setting::Mo);
    EXPECT_DOUBLE_EQ(listed[0].summary[0].value, 0.5);
    EXPECT_EQ(listed[0].summary[1].setting, eval::Setting::Cr);
    EXPECT_EQ(listed[0].summary[2].setting, eval::Setting::Mul);
    EXPECT_TRUE(listed[1].summary.empty());

    ListOptions bySeedDesc;
    bySeedDesc.sortBy = RunSortKey::Seed;
    bySeedDesc.descending = true;
    bySeedDesc.tag = "paper";
    listed = runs.list(bySeedDesc).value();
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].run.id, c);
    EXPECT_EQ(listed[1].run.id, a);

    ListOptions queued;
    queued.status = RunStatus::Queued;
    queued.metric = eval::Metric::RecipRank;
    listed = runs.list(queued).value();
    ASSERT_EQ(listed.size(), 3u);
    EXPECT_EQ(listed[0].summary.size(), 0u);
    EXPECT_DOUBLE_EQ(listed[1].summary.at(0).value, 0.7);
}

TEST(RunRepository, NotesAndTagRemoval) {
    ClockedStore s;
    RunRepository runs = s.store.runs();
    const std::int64_t id = addRun(s.store, "r", "mono", 1);
    ASSERT_EQ(runs.addNote(id, "lr too high?").value(), 1);
    *s.now += 5;
    ASSERT_EQ(runs.addNote(id, "rerun with 1e-5").value(), 2);
    std::vector<Note> notes = runs.notes(id).value();
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[1].text, "rerun with 1e-5");
    EXPECT_EQ(notes[1].createdAtMs, 1'000'005);
    EXPECT_FALSE(runs.addNote(id, ""));
    EXPECT_EQ(runs.addNote(42, "x").error().message, "no run with id 42 in " + s.store.path());
    ASSERT_TRUE(runs.addTag(id, "t"));
    ASSERT_TRUE(runs.removeTag(id, "t"));
    EXPECT_TRUE(runs.get(id).value().tags.empty());
}

TEST(RunRepository, DeleteCascadesToEverythingRecordedForTheRun) {
    ClockedStore s;
    const std::int64_t keep = addRun(s.store, "keep", "mono", 1);
    const std::int64_t gone = addRun(s.store, "gone", "mono", 2);
    for (std::int64_t id : {keep, gone}) {
        ASSERT_TRUE(s.store.runs().addTag(id, "t"));
        ASSERT_TRUE(s.store.runs().addNote(id, "n"));
        ASSERT_TRUE(s.store.results().record(id, {test::cell("Mo", "de", "de", 0.5)},
                                             {test::perQuery("Mo", "de", "de", "q1", 0.5)}));
        auto writer = s.store.metricsWriter(id);
        ASSERT_TRUE(writer->add(StepMetric{1, 0.1, 2.0, 1e-4, 100.0, std::nullopt, std::nullopt}));
        ASSERT_TRUE(writer->add(BatchTelemetry{1, "mono", "", "de", "de", 32}));
        ASSERT_TRUE(writer->flush());
    }
    ASSERT_TRUE(s.store.runs().remove(gone));
    EXPECT_EQ(s.store.runs().remove(gone).error().message, "no run with id 2 in " + s.store.path());
    for (const char* table : {"tags", "notes", "eval_results", "step_metrics", "batch_telemetry"}) {
        EXPECT_EQ(
            count(s.store, std::string("SELECT count(*) FROM ") + table + " WHERE run_id = 2"), 0)
            << table;
        EXPECT_EQ(
            count(s.store, std::string("SELECT count(*) FROM ") + table + " WHERE run_id = 1"), 1)
            << table;
    }
    EXPECT_EQ(count(s.store, "SELECT count(*) FROM per_query_results"), 1);
}

}  // namespace
}  // namespace mtrec::store
