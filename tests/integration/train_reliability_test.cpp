// SIGKILL reliability of training runs (issue 4, item 6): `mtrec train` runs as a child process and
// is killed at exact places (MTREC_TEST_PAUSE_AT makes it write a marker file and wait there):
// after a step, inside a metrics transaction, right after a checkpoint is written, during the
// evaluation. After each kill the database is intact, an earlier finished run is unchanged, the
// killed run is interrupted at the next opening, and `mtrec runs resume` finishes it with exactly
// the losses, telemetry and results of an uninterrupted run.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "cli_runner.h"
#include "store/experiment_store.h"
#include "test_support.h"
#include "train_fixture.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;
using store::ExperimentStore;

/// What a run leaves in the store, compared field by field between runs.
struct RunSnapshot {
    store::RunRecord record;
    std::vector<store::StepMetric> steps;
    std::vector<store::BatchTelemetry> telemetry;
    std::vector<store::EvalCell> cells;
};

RunSnapshot snapshot(ExperimentStore& store, std::int64_t id) {
    return {store.runs().get(id).value(), store.trainingLog().steps(id).value(),
            store.trainingLog().telemetry(id).value(), store.results().matrix(id).value()};
}

ExperimentStore open(const fs::path& db) {
    auto store = ExperimentStore::open(db.string());
    if (!store) throw std::runtime_error(store.error().message);
    return std::move(store).value();
}

std::string integrity(ExperimentStore& store) {
    store::Statement check = store.database().prepare("PRAGMA integrity_check");
    check.step();
    return check.text(0);
}

/// Starts `mtrec train` with MTREC_TEST_PAUSE_AT=point, waits until it pauses there, kills it with
/// SIGKILL and reaps it.
void trainAndKillAt(const std::string& point, const std::vector<std::string>& args,
                    const fs::path& dir) {
    const fs::path marker = dir / ("paused-" + point);
    const fs::path log = dir / ("killed-" + point + ".log");
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::setenv("MTREC_TEST_PAUSE_AT", point.c_str(), 1);
        ::setenv("MTREC_TEST_PAUSE_MARKER", marker.c_str(), 1);
        std::freopen(log.c_str(), "w", stderr);
        std::freopen(log.c_str(), "a", stdout);
        std::vector<char*> argv{const_cast<char*>("mtrec")};
        for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        ::execv(MTREC_EXECUTABLE, argv.data());
        _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int status = 0;
    while (!fs::exists(marker) && std::chrono::steady_clock::now() < deadline) {
        ASSERT_EQ(::waitpid(child, &status, WNOHANG), 0)
            << "mtrec ended before pausing at " << point << "; see " << log;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(fs::exists(marker)) << "mtrec never paused at " << point;
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

/// One database for all cases: run 1 trains uninterrupted first and is the reference.
class TrainReliability : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir;
        writeTinyQaCorpus(dir_->path() / "qa");
        config_ = dir_->write("config.json", tinyTrainingConfig(dir_->path() / "qa").dump(2));
        db_ = dir_->path() / "experiments.db";
        const auto result = runMtrec({"train", "--config", config_.string(), "--db", db_.string(),
                                      "--out", (dir_->path() / "reference").string()});
        ASSERT_EQ(result.exitCode, 0) << result.output;
        ExperimentStore store = open(db_);
        reference_ = new RunSnapshot(snapshot(store, 1));
        ASSERT_EQ(reference_->steps.size(), 40u);
        ASSERT_FALSE(reference_->cells.empty());
    }
    static void TearDownTestSuite() {
        delete reference_;
        delete dir_;
    }

    /// Kills a training at `point`, checks the store (the killed run holds `loggedSteps` steps and
    /// records the checkpoint `recorded`, "" for the bare folder), resumes the run and compares it
    /// with run 1.
    void killCheckAndResume(const std::string& point, std::size_t loggedSteps,
                            const std::string& recorded, std::size_t expectedResumeStep) {
        std::int64_t id = 0;
        {
            ExperimentStore store = open(db_);
            id = store.runs().list().value().back().run.id + 1;
        }
        const fs::path out = dir_->path() / ("out-" + point);
        trainAndKillAt(
            point,
            {"train", "--config", config_.string(), "--db", db_.string(), "--out", out.string()},
            dir_->path());
        if (HasFatalFailure()) return;
        {
            ExperimentStore store = open(db_);
            EXPECT_EQ(integrity(store), "ok");
            EXPECT_EQ(store.interruptedAtOpen(), std::vector<std::int64_t>{id});
            const RunSnapshot killed = snapshot(store, id);
            EXPECT_EQ(killed.record.status, store::RunStatus::Interrupted);
            EXPECT_EQ(killed.steps.size(), loggedSteps);
            const fs::path checkpoints = out / "checkpoints";
            EXPECT_EQ(killed.record.checkpointPath.value_or("?"),
                      (recorded.empty() ? checkpoints : checkpoints / recorded).string());
            const RunSnapshot first = snapshot(store, 1);
            EXPECT_EQ(first.record.status, store::RunStatus::Finished);
            EXPECT_EQ(first.record.finishedAtMs, reference_->record.finishedAtMs);
            EXPECT_EQ(first.record.checkpointPath, reference_->record.checkpointPath);
            expectSameTraining(first, "run 1 after the kill");
        }
        const auto resumed = runMtrec({"runs", "resume", std::to_string(id), "--db", db_.string()});
        ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
        const std::string from = "resumed from step " + std::to_string(expectedResumeStep) + ")";
        if (expectedResumeStep > 0) {
            EXPECT_NE(resumed.output.find(from), std::string::npos) << resumed.output;
        } else {
            EXPECT_EQ(resumed.output.find("resumed from"), std::string::npos) << resumed.output;
        }
        ExperimentStore store = open(db_);
        EXPECT_EQ(integrity(store), "ok");
        const RunSnapshot after = snapshot(store, id);
        EXPECT_EQ(after.record.status, store::RunStatus::Finished);
        EXPECT_EQ(after.record.checkpointPath.value_or(""),
                  (out / "checkpoints" / "step-00000040").string());
        expectSameTraining(after, "run " + std::to_string(id) + " killed at " + point);
    }

    /// Same losses (bit for bit), telemetry and results as the uninterrupted run 1.
    static void expectSameTraining(const RunSnapshot& run, const std::string& what) {
        ASSERT_EQ(run.steps.size(), reference_->steps.size()) << what;
        for (std::size_t i = 0; i < run.steps.size(); ++i) {
            EXPECT_EQ(run.steps[i].step, reference_->steps[i].step) << what;
            EXPECT_EQ(run.steps[i].loss, reference_->steps[i].loss) << what << " step " << i + 1;
            EXPECT_EQ(run.steps[i].lr, reference_->steps[i].lr) << what;
        }
        ASSERT_EQ(run.telemetry.size(), reference_->telemetry.size()) << what;
        for (std::size_t i = 0; i < run.telemetry.size(); ++i) {
            const auto &a = run.telemetry[i], &b = reference_->telemetry[i];
            EXPECT_TRUE(a.step == b.step && a.branch == b.branch && a.queryLang == b.queryLang &&
                        a.candLang == b.candLang && a.pairs == b.pairs)
                << what << " telemetry row " << i;
        }
        ASSERT_EQ(run.cells.size(), reference_->cells.size()) << what;
        for (std::size_t i = 0; i < run.cells.size(); ++i)
            EXPECT_EQ(run.cells[i].value, reference_->cells[i].value) << what << " cell " << i;
    }

    static TempDir* dir_;
    static fs::path config_;
    static fs::path db_;
    static RunSnapshot* reference_;
};

TempDir* TrainReliability::dir_ = nullptr;
fs::path TrainReliability::config_;
fs::path TrainReliability::db_;
RunSnapshot* TrainReliability::reference_ = nullptr;

// Checkpoints come every 10 steps (and the metrics are written just before each); 40 steps in all.

TEST_F(TrainReliability, KilledAfterAStepBeforeAnyCheckpointStartsOver) {
    killCheckAndResume("step:5", 0, "", 0);
}

TEST_F(TrainReliability, KilledAfterAStepResumesFromTheLastCheckpoint) {
    killCheckAndResume("step:27", 20, "step-00000020", 20);
}

TEST_F(TrainReliability, KilledInsideAMetricsTransactionResumesFromTheLastCheckpoint) {
    // Metrics are written at steps 10, 20, 30 and 40: the third transaction, holding steps 21-30,
    // is rolled back.
    killCheckAndResume("metric-write:3", 20, "step-00000020", 20);
}

TEST_F(TrainReliability, KilledRightAfterACheckpointIsWrittenResumesFromIt) {
    // The second checkpoint (step 20) is on disk but not yet recorded in the database.
    killCheckAndResume("checkpoint-save:2", 20, "step-00000010", 20);
}

TEST_F(TrainReliability, KilledDuringEvaluationOnlyEvaluatesAgain) {
    killCheckAndResume("evaluation", 40, "step-00000040", 40);
}

TEST_F(TrainReliability, OnlyAnInterruptedRunCanBeResumed) {
    const auto result = runMtrec({"runs", "resume", "1", "--db", db_.string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.output.find("run 1 is finished; only an interrupted"), std::string::npos)
        << result.output;
    const auto missing = runMtrec({"runs", "--db", db_.string(), "resume", "999"});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.output.find("no run with id 999"), std::string::npos) << missing.output;
}

}  // namespace
}  // namespace mtrec::test
