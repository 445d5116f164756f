// RunHistory (store/run_history.h): a run's log from what the store records, in time order.
#include <gtest/gtest.h>

#include "store/run_history.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using test::addRun;
using test::cell;
using test::ClockedStore;

StepMetric step(std::int64_t number, std::optional<double> validation = std::nullopt) {
    return {number, 0.5, 2.0, 1e-4, 100.0, validation};
}

/// "kind@time text step value" per event, to compare whole logs at once.
std::vector<std::string> describe(const std::vector<RunEvent>& events) {
    std::vector<std::string> out;
    for (const RunEvent& e : events) {
        std::string line = std::to_string(int(e.kind)) + "@" +
                           (e.atMs ? std::to_string(*e.atMs) : std::string("-")) + " " + e.text;
        if (e.step) line += " step " + std::to_string(*e.step);
        if (e.value) line += " value " + std::to_string(*e.value);
        out.push_back(line);
    }
    return out;
}

TEST(RunHistory, ListsAResumedRunsLifeInTimeOrderWithTheCheckpointBeforeTheEnd) {
    ClockedStore s;
    *s.now = 1'000;
    const std::int64_t id = addRun(s.store, "hybrid", "hybrid", 13);  // created at 1000
    RunRepository runs = s.store.runs();
    *s.now = 2'000;
    ASSERT_TRUE(runs.start(id));
    {
        auto writer = s.store.metricsWriter(id);
        *s.now = 3'000;
        ASSERT_TRUE(writer->add(step(1)));
        ASSERT_TRUE(writer->add(step(2, 1.5)));
        ASSERT_TRUE(writer->flush());
    }
    *s.now = 4'000;
    ASSERT_TRUE(runs.setCheckpoint(id, "runs/1-hybrid/checkpoints/step-2"));
    *s.now = 5'000;
    ASSERT_TRUE(runs.cancel(id));
    *s.now = 6'000;
    ASSERT_TRUE(runs.start(id));
    {
        auto writer = s.store.metricsWriter(id);
        *s.now = 7'000;
        ASSERT_TRUE(writer->add(step(4, 1.25)));
        ASSERT_TRUE(writer->flush());
    }
    *s.now = 8'000;
    ASSERT_TRUE(runs.addNote(id, "lr too high"));
    *s.now = 9'000;
    ASSERT_TRUE(s.store.results().record(
        id, {cell("Mo", "de", "de", 0.5), cell("Mo", "de", "de", 0.75, "recip_rank"),
             cell("Cr", "de", "en", 0.25), cell("Mo", "all", "all", 0.5)}));
    *s.now = 10'000;
    ASSERT_TRUE(runs.finish(id));

    auto events = RunHistory(s.store.database()).events(id);
    ASSERT_TRUE(events.ok()) << events.error().message;
    // Kinds: 0 Created, 1 Started, 2 Resumed, 3 Validated, 4 Evaluated, 5 Noted, 6 Checkpointed,
    // 7 Ended. Three cells: de-de and de-en, and the Mo summary (recip_rank adds no cell).
    EXPECT_EQ(describe(events.value()),
              (std::vector<std::string>{
                  "0@1000 ", "1@2000 ", "3@3000  step 2 value 1.500000",
                  "2@6000 resumed after: cancelled", "3@7000  step 4 value 1.250000",
                  "5@8000 lr too high", "4@9000 xquad-r value 3.000000",
                  "6@- runs/1-hybrid/checkpoints/step-2", "7@10000 finished"}));
}

TEST(RunHistory, EndsWithTheErrorOrTheLastHeartbeatAndLeavesARunningRunOpen) {
    ClockedStore s;
    *s.now = 1'000;
    RunRepository runs = s.store.runs();
    const std::int64_t failed = addRun(s.store, "f", "mono", 1);
    const std::int64_t running = addRun(s.store, "r", "mono", 1);
    *s.now = 2'000;
    ASSERT_TRUE(runs.start(failed));
    ASSERT_TRUE(runs.start(running, {999'999'999, "elsewhere"}));
    ASSERT_TRUE(runs.setCheckpoint(running, "ckpt"));
    *s.now = 3'000;
    ASSERT_TRUE(runs.fail(failed, "loss is NaN"));

    auto failedLog = RunHistory(s.store.database()).events(failed);
    ASSERT_TRUE(failedLog.ok());
    EXPECT_EQ(describe(failedLog.value()),
              (std::vector<std::string>{"0@1000 ", "1@2000 ", "7@3000 failed: loss is NaN"}));
    auto runningLog = RunHistory(s.store.database()).events(running);
    ASSERT_TRUE(runningLog.ok());
    EXPECT_EQ(describe(runningLog.value()),
              (std::vector<std::string>{"0@1000 ", "1@2000 ", "6@- ckpt"}));

    // Its heartbeat (2000) is long past: marked interrupted, it ends there.
    *s.now = 1'000'000;
    ASSERT_TRUE(runs.markInterrupted(60'000));
    auto interrupted = RunHistory(s.store.database()).events(running);
    ASSERT_TRUE(interrupted.ok());
    ASSERT_EQ(interrupted.value().size(), 4u);
    EXPECT_EQ(interrupted.value()[3].kind, RunEventKind::Ended);
    EXPECT_EQ(*interrupted.value()[3].atMs, 2'000);
    EXPECT_EQ(interrupted.value()[3].text.rfind("interrupted: the process (pid 999999999", 0), 0u)
        << interrupted.value()[3].text;

    auto absent = RunHistory(s.store.database()).events(77);
    ASSERT_FALSE(absent.ok());
    EXPECT_EQ(absent.error().message, "no run with id 77 in " + (s.dir.path() / "e.db").string());
}

}  // namespace
}  // namespace mtrec::store
