// ProgressThrottle with a fake clock, and the cancel token.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "common/cancel_token.h"
#include "common/progress_throttle.h"

namespace mtrec {
namespace {

using std::chrono::milliseconds;

struct FakeClock {
    std::chrono::steady_clock::time_point now{};
    ProgressThrottle::Clock clock() {
        return [this] { return now; };
    }
};

Progress stepReport(std::size_t step) {
    Progress progress;
    progress.phase = Phase::Training;
    progress.step = progress.done = step;
    progress.total = 1000;
    return progress;
}

std::vector<std::size_t> stepsOf(const std::vector<Progress>& reports) {
    std::vector<std::size_t> steps;
    for (const Progress& report : reports) steps.push_back(report.step);
    return steps;
}

TEST(ProgressThrottle, PassesAtMostOneReportPerInterval) {
    FakeClock time;
    std::vector<Progress> seen;
    ProgressThrottle throttle([&](const Progress& p) { seen.push_back(p); }, milliseconds(100),
                              time.clock());
    // A step every 30 ms for one second: steps 1..34.
    for (std::size_t step = 1; step <= 34; ++step) {
        throttle(stepReport(step));
        time.now += milliseconds(30);
    }
    // Delivered at 0 ms, then the first report at least 100 ms after the last delivery: 120, 240,
    // ... i.e. steps 1, 5, 9, ..., 33 (9 in 990 ms).
    EXPECT_EQ(stepsOf(seen), (std::vector<std::size_t>{1, 5, 9, 13, 17, 21, 25, 29, 33}));
    throttle.flush();
    EXPECT_EQ(seen.back().step, 34u) << "flush delivers the newest held-back report";
    throttle.flush();
    EXPECT_EQ(seen.size(), 10u) << "and only once";
}

TEST(ProgressThrottle, NeverDropsPhaseChangesValidationCheckpointsNotesOrTheEnd) {
    FakeClock time;  // frozen: nothing passes for being late
    std::vector<Progress> seen;
    ProgressThrottle throttle([&](const Progress& p) { seen.push_back(p); }, milliseconds(100),
                              time.clock());
    throttle(stepReport(1));  // the first report
    throttle(stepReport(2));  // dropped (held)
    Progress validation = stepReport(3);
    validation.validationLoss = 0.5;
    throttle(validation);
    throttle(stepReport(4));  // held
    Progress checkpoint;
    checkpoint.phase = Phase::Checkpointing;
    checkpoint.step = 4;
    checkpoint.checkpoint = "/runs/1/checkpoints/step-00000004";
    throttle(checkpoint);
    throttle(stepReport(5));  // a phase change back to training
    throttle(stepReport(6));  // held, and replaced by the next
    throttle(stepReport(7));  // held
    Progress ranking;
    ranking.phase = Phase::Ranking;
    ranking.suite = "xquad-r";
    ranking.done = 1;
    throttle(ranking);
    ranking.done = 2;
    throttle(ranking);  // same phase and suite: held
    ranking.suite = "mlqa-r";
    ranking.done = 1;
    throttle(ranking);  // another suite
    Progress note;
    note.phase = Phase::Ranking;
    note.suite = "mlqa-r";
    note.message = "MIRACL left out: no passages";
    throttle(note);
    Progress done;
    done.phase = Phase::Done;
    throttle(done);

    std::vector<std::string> got;
    for (const Progress& p : seen)
        got.push_back(std::string(phaseName(p.phase)) + " " + std::to_string(p.step) + " " +
                      p.suite + " " + std::to_string(p.done) + (p.message.empty() ? "" : " note"));
    EXPECT_EQ(got, (std::vector<std::string>{"training 1  1", "training 2  2", "training 3  3",
                                             "training 4  4", "checkpointing 4  0", "training 5  5",
                                             "training 7  7", "ranking 0 xquad-r 1",
                                             "ranking 0 xquad-r 2", "ranking 0 mlqa-r 1",
                                             "ranking 0 mlqa-r 0 note", "done 0  0"}));
    ASSERT_TRUE(seen[2].validationLoss.has_value());
    EXPECT_EQ(*seen[2].validationLoss, 0.5);
}

TEST(ProgressThrottle, ThePhaseChangeRule) {
    EXPECT_TRUE(ProgressThrottle::mustDeliver(std::nullopt, stepReport(1)));
    EXPECT_FALSE(ProgressThrottle::mustDeliver(stepReport(1), stepReport(2)));
    Progress other = stepReport(2);
    other.runId = 3;
    EXPECT_TRUE(ProgressThrottle::mustDeliver(stepReport(1), other));
}

TEST(CancelToken, CopiesShareTheFlagAndAWatchedFlagCancelsToo) {
    const CancelToken token;
    const CancelToken copy = token;
    EXPECT_FALSE(copy.cancelled());
    token.cancel();
    EXPECT_TRUE(copy.cancelled());
    EXPECT_FALSE(CancelToken().cancelled()) << "a new token has its own flag";

    std::atomic<bool> interrupted{false};
    const CancelToken watching = CancelToken::watching(interrupted);
    EXPECT_FALSE(watching.cancelled());
    interrupted = true;
    EXPECT_TRUE(watching.cancelled());
}

}  // namespace
}  // namespace mtrec
