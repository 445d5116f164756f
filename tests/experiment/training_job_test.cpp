// The training jobs (experiment/training_run.h) run in process on a tiny corpus: the order of their
// reports, cancelling from another thread, failures, and resuming to the same losses.
#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "common/progress_throttle.h"
#include "job_fixture.h"
#include "store/experiment_store.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

/// The phases of `reports` with repeats and checkpoints (which come between steps) removed.
std::vector<Phase> phaseOrder(const std::vector<Progress>& reports) {
    std::vector<Phase> phases;
    for (const Progress& report : reports)
        if (report.phase != Phase::Checkpointing &&
            (phases.empty() || phases.back() != report.phase))
            phases.push_back(report.phase);
    return phases;
}

store::ExperimentStore openStore(const test::JobFixture& fixture) {
    return store::ExperimentStore::open(fixture.database()).value();
}

TEST(TrainingJob, ReportsPhasesInOrderStepsIncreasingAndTheEndLast) {
    const test::JobFixture fixture;
    test::ProgressLog log;
    std::vector<Progress> throttled;
    ProgressThrottle throttle([&](const Progress& p) { throttled.push_back(p); },
                              std::chrono::milliseconds(100),
                              [] { return std::chrono::steady_clock::time_point(); });  // frozen
    const auto sink = [&](const Progress& p) {
        log.reports.push_back(p);
        throttle(p);
    };
    auto outcome = fixture.start(fixture.config(20, true), fixture.options("out"), sink);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome.value().status, store::RunStatus::Finished);

    const std::vector<Phase> expected = {Phase::Preparing,       Phase::TrainingTokenizer,
                                         Phase::BuildingEncoder, Phase::Training,
                                         Phase::LoadingModel,    Phase::Evaluating,
                                         Phase::Embedding,       Phase::Ranking,
                                         Phase::WritingResults,  Phase::Done};
    EXPECT_EQ(phaseOrder(log.reports), expected);
    const Progress& first = log.reports.front();
    EXPECT_EQ(first.runId, outcome.value().runId);
    EXPECT_EQ(first.outputDir, (fixture.root() / "out").string());
    EXPECT_EQ(log.reports.back().phase, Phase::Done);

    std::vector<std::size_t> steps(20);
    for (std::size_t i = 0; i < steps.size(); ++i) steps[i] = i + 1;
    EXPECT_EQ(log.steps(), steps);
    std::vector<std::size_t> checkpoints;
    for (const Progress& p : log.reports)
        if (p.phase == Phase::Checkpointing) {
            checkpoints.push_back(p.step);
            EXPECT_TRUE(fs::exists(p.checkpoint)) << p.checkpoint;
        }
    EXPECT_EQ(checkpoints, (std::vector<std::size_t>{10, 20}));
    for (const Progress& p : log.reports)
        if (p.phase == Phase::Training && p.step > 0) {
            EXPECT_EQ(p.total, 20u);
            EXPECT_GT(p.learningRate, 0.0);
            EXPECT_FALSE(p.batch.empty());
        }

    // The store has every step, whatever the sink kept.
    store::ExperimentStore store = openStore(fixture);
    EXPECT_EQ(store.trainingLog().steps(outcome.value().runId).value().size(), 20u);
    // And a note saying which step was evaluated (this config does not validate).
    const std::vector<store::Note> notes = store.runs().notes(outcome.value().runId).value();
    EXPECT_EQ(std::count_if(notes.begin(), notes.end(),
                            [](const store::Note& note) {
                                return note.text == "evaluated the last step, 20 (no validation)";
                            }),
              1);

    // With time frozen, the throttle passes the first report and the ones that must arrive only.
    EXPECT_LT(throttled.size(), log.reports.size());
    EXPECT_EQ(phaseOrder(throttled), expected);
    EXPECT_EQ(throttled.back().phase, Phase::Done);
    EXPECT_EQ(std::count_if(throttled.begin(), throttled.end(),
                            [](const Progress& p) { return !p.checkpoint.empty(); }),
              2);
}

TEST(TrainingJob, CancelFromAnotherThreadEndsWithinOneBatchAndTheRunResumesToTheSameLosses) {
    const test::JobFixture fixture;
    test::ProgressLog straight;
    auto uninterrupted =
        fixture.start(fixture.config(20), fixture.options("straight"), straight.sink());
    ASSERT_TRUE(uninterrupted.ok()) << uninterrupted.error().message;
    ASSERT_EQ(straight.losses().size(), 20u);

    // The job runs on a worker thread; at step 3 it waits until this thread has cancelled.
    CancelToken cancel;
    std::mutex mutex;
    std::condition_variable changed;
    bool atStep3 = false, cancelled = false;
    test::ProgressLog first;
    const ProgressSink sink = [&](const Progress& p) {
        first.reports.push_back(p);
        if (p.phase != Phase::Training || p.step != 3) return;
        std::unique_lock<std::mutex> lock(mutex);
        atStep3 = true;
        changed.notify_all();
        changed.wait(lock, [&] { return cancelled; });
    };
    Result<TrainingRunOutcome> outcome = Error{"not run"};
    std::thread worker([&] {
        outcome = fixture.start(fixture.config(20), fixture.options("split"), sink, cancel);
    });
    {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return atStep3; });
        cancel.cancel();
        cancelled = true;
        changed.notify_all();
    }
    worker.join();
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome.value().status, store::RunStatus::Cancelled);
    EXPECT_EQ(outcome.value().steps, 4u) << "the batch under way when cancelled, no more";
    EXPECT_EQ(fs::path(outcome.value().checkpoint).filename(), "step-00000004");
    EXPECT_EQ(first.reports.back().phase, Phase::Done);
    const std::int64_t runId = outcome.value().runId;
    EXPECT_EQ(openStore(fixture).runs().get(runId).value().status, store::RunStatus::Cancelled);

    test::ProgressLog second;
    auto resumed = resumeTrainingRun(runId, fixture.options("ignored"), second.sink(), {});
    ASSERT_TRUE(resumed.ok()) << resumed.error().message;
    EXPECT_EQ(resumed.value().status, store::RunStatus::Finished);
    EXPECT_EQ(resumed.value().resumedFromStep, 4u);
    EXPECT_EQ(resumed.value().steps, 20u);
    EXPECT_EQ(
        phaseOrder(second.reports),
        (std::vector<Phase>{Phase::Preparing, Phase::TrainingTokenizer, Phase::BuildingEncoder,
                            Phase::RestoringCheckpoint, Phase::Training, Phase::Done}));
    std::vector<double> losses = first.losses();
    for (double loss : second.losses()) losses.push_back(loss);
    EXPECT_EQ(losses, straight.losses()) << "resumed bit for bit";
    EXPECT_EQ(openStore(fixture).trainingLog().steps(runId).value().size(), 20u);
}

TEST(TrainingJob, CancelDuringTheEvaluationStopsItAndTheRunEndsCancelled) {
    const test::JobFixture fixture;
    const CancelToken cancel;
    test::ProgressLog log;
    const ProgressSink sink = [&](const Progress& p) {
        log.reports.push_back(p);
        if (p.phase == Phase::Embedding) cancel.cancel();
    };
    auto outcome = fixture.start(fixture.config(4, true), fixture.options("out"), sink, cancel);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome.value().status, store::RunStatus::Cancelled);
    EXPECT_EQ(outcome.value().steps, 4u);
    EXPECT_TRUE(outcome.value().evaluations.empty());
    EXPECT_EQ(std::count_if(log.reports.begin(), log.reports.end(),
                            [](const Progress& p) { return p.phase == Phase::Embedding; }),
              1)
        << "the next batch of texts is not embedded";
    EXPECT_EQ(std::count_if(log.reports.begin(), log.reports.end(),
                            [](const Progress& p) { return p.phase == Phase::Ranking; }),
              0);
    EXPECT_FALSE(fs::exists(fixture.root() / "out" / "pairs.csv"));
    EXPECT_EQ(openStore(fixture).runs().get(1).value().status, store::RunStatus::Cancelled);
}

TEST(TrainingJob, ANanLossFailsTheRunWithTheReason) {
    const test::JobFixture fixture;
    TrainingRunOptions options = fixture.options("nan");
    options.nanLossAtStep = 5;
    test::ProgressLog log;
    auto outcome = fixture.start(fixture.config(20), options, log.sink());
    ASSERT_FALSE(outcome.ok());
    const std::string& message = outcome.error().message;
    EXPECT_EQ(message.rfind("run 1 failed: training stopped: the loss is nan at step 5", 0), 0u)
        << message;
    EXPECT_EQ(log.steps(), (std::vector<std::size_t>{1, 2, 3, 4}));
    EXPECT_NE(log.reports.back().phase, Phase::Done);
    store::ExperimentStore store = openStore(fixture);
    const store::RunRecord run = store.runs().get(1).value();
    EXPECT_EQ(run.status, store::RunStatus::Failed);
    ASSERT_TRUE(run.errorText.has_value());
    EXPECT_NE(run.errorText->find("loss is nan at step 5"), std::string::npos) << *run.errorText;
    EXPECT_EQ(store.trainingLog().steps(1).value().size(), 4u) << "the steps before it are kept";
}

TEST(TrainingJob, AStepWhoseCheckpointCannotBeWrittenFailsTheRunNamingTheFolder) {
    const test::JobFixture fixture;
    const fs::path output = fixture.root() / "blocked";
    fs::create_directories(output);
    std::ofstream(output / "checkpoints") << "a file where the checkpoint folder goes\n";
    test::ProgressLog log;
    auto outcome = fixture.start(fixture.config(20), fixture.options("blocked"), log.sink());
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().message.find((output / "checkpoints").string() +
                                           ": cannot create the checkpoint folder"),
              std::string::npos)
        << outcome.error().message;
    EXPECT_EQ(log.steps().size(), 10u) << "it fails at the first checkpoint, step 10";
    EXPECT_EQ(openStore(fixture).runs().get(1).value().status, store::RunStatus::Failed);
}

}  // namespace
}  // namespace mtrec::experiment
