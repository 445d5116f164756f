// SIGKILL reliability of training runs (issue 4, item 6): `mtrec train` runs as a child process and
// is killed at exact places (MTREC_TEST_PAUSE_AT makes it write a marker file and wait there):
// after a step, inside a metrics transaction, while a checkpoint is written (its temporary folder
// complete; then moved into place but `latest` not yet updated), right after a checkpoint is
// written, during the evaluation. After each kill the database is intact, an earlier finished run
// is unchanged, the killed run is interrupted at the next opening, and `mtrec runs resume` finishes
// it with exactly the losses, telemetry and results of an uninterrupted run. A cancelled (Ctrl-C)
// and a failed run resume the same way.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <iterator>
#include <thread>
#include <utility>

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

/// Waits (up to two minutes) until `file` exists; fails when the child ends first.
void waitForFile(pid_t child, const fs::path& file, const fs::path& log) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int status = 0;
    while (!fs::exists(file) && std::chrono::steady_clock::now() < deadline) {
        ASSERT_EQ(::waitpid(child, &status, WNOHANG), 0)
            << "mtrec ended before " << file << " appeared; see " << log;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_TRUE(fs::exists(file)) << file << " never appeared; see " << log;
}

/// Starts `mtrec train` with MTREC_TEST_PAUSE_AT=point, waits until it pauses there, kills it with
/// SIGKILL and reaps it.
void trainAndKillAt(const std::string& point, const std::vector<std::string>& args,
                    const fs::path& dir) {
    const fs::path marker = dir / ("paused-" + point);
    const fs::path log = dir / ("killed-" + point + ".log");
    const pid_t child = spawnMtrec(
        args, {{"MTREC_TEST_PAUSE_AT", point}, {"MTREC_TEST_PAUSE_MARKER", marker.string()}}, log);
    ASSERT_GE(child, 0);
    waitForFile(child, marker, log);
    int status = 0;
    if (::testing::Test::HasFatalFailure()) {
        ::kill(child, SIGKILL);
        ::waitpid(child, &status, 0);
        return;
    }
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    return std::string((std::istreambuf_iterator<char>(in)), {});
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

    /// The id the next run will get.
    static std::int64_t nextRunId() {
        ExperimentStore store = open(db_);
        return store.runs().list().value().back().run.id + 1;
    }

    /// Kills a training at `point`, checks the store (the killed run holds `loggedSteps` steps and
    /// records the checkpoint `recorded`, "" for the bare folder) and calls `checkFiles` with the
    /// output folder, resumes the run and compares it with run 1.
    void killCheckAndResume(const std::string& point, std::size_t loggedSteps,
                            const std::string& recorded, std::size_t expectedResumeStep,
                            const std::function<void(const fs::path&)>& checkFiles = {}) {
        const std::int64_t id = nextRunId();
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
        if (checkFiles) checkFiles(out);
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
        const std::vector<store::Note> notes = lifecycleNotes(store, id);
        ASSERT_EQ(notes.size(), 1u);
        EXPECT_EQ(notes[0].text.rfind("resumed after: interrupted: ", 0), 0u);
        EXPECT_EQ(leftoverTemporaries(out / "checkpoints"), std::vector<std::string>{});
    }

    /// Names in a checkpoint folder that are temporaries (".<name>.tmp-<pid>"), sorted.
    static std::vector<std::string> leftoverTemporaries(const fs::path& checkpoints) {
        std::vector<std::string> names;
        for (const fs::directory_entry& entry : fs::directory_iterator(checkpoints))
            if (entry.path().filename().string().find(".tmp-") != std::string::npos)
                names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    /// Checks a run that ended `status` (cancelled or failed, `steps` steps logged) and resumes it:
    /// it finishes with run 1's training, its error text and finish time cleared, and the earlier
    /// end kept as its one note, `note`.
    static void resumeEndedRun(std::int64_t id, store::RunStatus status, std::size_t steps,
                               const std::string& note) {
        {
            ExperimentStore store = open(db_);
            EXPECT_EQ(integrity(store), "ok");
            const RunSnapshot ended = snapshot(store, id);
            EXPECT_EQ(ended.record.status, status);
            EXPECT_TRUE(ended.record.finishedAtMs.has_value());
            EXPECT_EQ(ended.steps.size(), steps);
            expectSameTraining(snapshot(store, 1), "run 1 after run " + std::to_string(id));
        }
        const auto resumed = runMtrec({"runs", "resume", std::to_string(id), "--db", db_.string()});
        ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
        ExperimentStore store = open(db_);
        EXPECT_EQ(integrity(store), "ok");
        const RunSnapshot after = snapshot(store, id);
        EXPECT_EQ(after.record.status, store::RunStatus::Finished);
        EXPECT_FALSE(after.record.errorText.has_value());
        EXPECT_TRUE(after.record.finishedAtMs.has_value());
        expectSameTraining(after, "run " + std::to_string(id) + " resumed after " + note);
        const std::vector<store::Note> notes = lifecycleNotes(store, id);
        ASSERT_EQ(notes.size(), 1u);
        EXPECT_EQ(notes[0].text, note);
    }

    /// The run's notes but those saying what it is: its tokenizer ("tokenizer sha256 ..."), its
    /// training data ("training data: ...") and the step it evaluates ("evaluated ...", once
    /// however often the run was resumed: checked here).
    static std::vector<store::Note> lifecycleNotes(ExperimentStore& store, std::int64_t id) {
        std::vector<store::Note> notes = store.runs().notes(id).value();
        const auto evaluated = [](const store::Note& note) {
            return note.text.rfind("evaluated ", 0) == 0;
        };
        EXPECT_LE(std::count_if(notes.begin(), notes.end(), evaluated), 1) << "run " << id;
        notes.erase(std::remove_if(notes.begin(), notes.end(),
                                   [&evaluated](const store::Note& note) {
                                       return note.text.rfind("tokenizer sha256 ", 0) == 0 ||
                                              note.text.rfind("training data: ", 0) == 0 ||
                                              evaluated(note);
                                   }),
                    notes.end());
        return notes;
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

TEST_F(TrainReliability, KilledWhileWritingACheckpointResumesFromThePreviousOne) {
    // The second checkpoint (step 20) is complete in its temporary folder, not yet moved into
    // place: `latest` still names step 10, which the run records, and the steps up to 20 are
    // logged (they are written just before a checkpoint). The resume writes step 20 anew and
    // removes the dead process's temporary folder.
    killCheckAndResume("checkpoint-write:2", 20, "step-00000010", 10, [](const fs::path& out) {
        const fs::path checkpoints = out / "checkpoints";
        EXPECT_EQ(readFile(checkpoints / "latest"), "step-00000010\n");
        EXPECT_TRUE(fs::exists(checkpoints / "step-00000010" / "trainer_state.json"));
        EXPECT_FALSE(fs::exists(checkpoints / "step-00000020"));
        const std::vector<std::string> leftovers = leftoverTemporaries(checkpoints);
        ASSERT_EQ(leftovers.size(), 1u);
        EXPECT_EQ(leftovers[0].rfind(".step-00000020.tmp-", 0), 0u) << leftovers[0];
        for (const char* file : {"encoder.pt", "encoder.json", "trainer.pt", "trainer_state.json"})
            EXPECT_TRUE(fs::exists(checkpoints / leftovers[0] / file)) << file;
    });
}

TEST_F(TrainReliability, KilledBeforeLatestIsUpdatedResumesFromWhatLatestNames) {
    // The step-20 folder is in place and complete, but `latest` still names step 10: the resume
    // trusts `latest` and replaces the step-20 folder when it gets there again.
    killCheckAndResume("checkpoint-latest:2", 20, "step-00000010", 10, [](const fs::path& out) {
        const fs::path checkpoints = out / "checkpoints";
        EXPECT_EQ(readFile(checkpoints / "latest"), "step-00000010\n");
        EXPECT_TRUE(fs::exists(checkpoints / "step-00000020" / "trainer_state.json"));
        EXPECT_EQ(leftoverTemporaries(checkpoints), std::vector<std::string>{});
    });
}

TEST_F(TrainReliability, KilledDuringEvaluationOnlyEvaluatesAgain) {
    killCheckAndResume("evaluation", 40, "step-00000040", 40);
}

TEST_F(TrainReliability, ACancelledRunResumesAndFinishesLikeAnUninterruptedOne) {
    // Ctrl-C once the first checkpoint exists: the run stops at the next step, checkpoints it and
    // ends cancelled.
    const std::int64_t id = nextRunId();
    const fs::path out = dir_->path() / "out-cancelled";
    const fs::path log = dir_->path() / "cancelled.log";
    const pid_t child = spawnMtrec(
        {"train", "--config", config_.string(), "--db", db_.string(), "--out", out.string()}, {},
        log);
    ASSERT_GE(child, 0);
    waitForFile(child, out / "checkpoints" / "latest", log);
    int status = 0;
    ::kill(child, HasFatalFailure() ? SIGKILL : SIGINT);
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_FALSE(HasFatalFailure());
    ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status) << "; see " << log;
    EXPECT_EQ(WEXITSTATUS(status), 1);
    const std::string latest = readFile(out / "checkpoints" / "latest");
    ASSERT_EQ(latest.rfind("step-000000", 0), 0u) << latest;
    const std::size_t cancelledAt = std::stoul(latest.substr(5));
    EXPECT_GE(cancelledAt, 10u);
    RecordProperty("cancelled_at_step", static_cast<int>(cancelledAt));
    EXPECT_NE(readFile(log).find("run " + std::to_string(id) + " cancelled after step " +
                                 std::to_string(cancelledAt)),
              std::string::npos)
        << readFile(log);
    resumeEndedRun(id, store::RunStatus::Cancelled, cancelledAt, "resumed after: cancelled");
}

TEST_F(TrainReliability, AFailedRunResumesFromItsLastCheckpoint) {
    // Step 15's loss is NaN: the run fails with steps 1-14 logged and its checkpoint of step 10;
    // resumed (without the fault), it goes on from step 10.
    const std::int64_t id = nextRunId();
    ::setenv("MTREC_TEST_NAN_AT_STEP", "15", 1);
    const auto failed = runMtrec({"train", "--config", config_.string(), "--db", db_.string(),
                                  "--out", (dir_->path() / "out-failed").string()});
    ::unsetenv("MTREC_TEST_NAN_AT_STEP");
    ASSERT_EQ(failed.exitCode, 1) << failed.output;
    std::string reason;
    {
        ExperimentStore store = open(db_);
        reason = store.runs().get(id).value().errorText.value_or("");
    }
    EXPECT_NE(reason.find("15"), std::string::npos) << reason;
    resumeEndedRun(id, store::RunStatus::Failed, 14, "resumed after: failed: " + reason);
}

TEST_F(TrainReliability, ADamagedLatestCheckpointIsPassedOverForThePreviousOne) {
    // Step 25's loss is NaN: the run fails with the checkpoints of steps 10 and 20. A flipped bit
    // in step 20's optimizer state sends the resume back to step 10, and a note says why; the run
    // then finishes exactly like the uninterrupted one.
    const std::int64_t id = nextRunId();
    const fs::path out = dir_->path() / "out-damaged";
    ::setenv("MTREC_TEST_NAN_AT_STEP", "25", 1);
    const auto failed = runMtrec(
        {"train", "--config", config_.string(), "--db", db_.string(), "--out", out.string()});
    ::unsetenv("MTREC_TEST_NAN_AT_STEP");
    ASSERT_EQ(failed.exitCode, 1) << failed.output;
    const fs::path damaged = out / "checkpoints" / "step-00000020" / "trainer.pt";
    ASSERT_TRUE(fs::exists(damaged));
    {
        std::fstream io(damaged, std::ios::binary | std::ios::in | std::ios::out);
        const std::streamoff middle = static_cast<std::streamoff>(fs::file_size(damaged) / 2);
        io.seekg(middle);
        const char flipped = static_cast<char>(io.get() ^ 0x10);
        io.seekp(middle);
        io.put(flipped);
    }
    const auto resumed = runMtrec({"runs", "resume", std::to_string(id), "--db", db_.string()});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    EXPECT_NE(resumed.output.find("resumed from step 10)"), std::string::npos) << resumed.output;
    ExperimentStore store = open(db_);
    const RunSnapshot after = snapshot(store, id);
    EXPECT_EQ(after.record.status, store::RunStatus::Finished);
    expectSameTraining(after, "run " + std::to_string(id) + " resumed past a damaged checkpoint");
    const std::vector<store::Note> notes = lifecycleNotes(store, id);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0].text.rfind("resumed after: failed: ", 0), 0u) << notes[0].text;
    EXPECT_EQ(notes[1].text, "resumed from step-00000010, an older checkpoint, because " +
                                 damaged.string() +
                                 ": damaged checkpoint: its SHA-256 differs from the one recorded "
                                 "when it was written (the bytes changed: a flipped bit or an "
                                 "overwrite)");
}

TEST_F(TrainReliability, AFinishedRunIsNotResumed) {
    const auto result = runMtrec({"runs", "resume", "1", "--db", db_.string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.output.find(
                  "run 1 is finished; only an interrupted, failed or cancelled run resumes"),
              std::string::npos)
        << result.output;
    ExperimentStore store = open(db_);
    expectSameTraining(snapshot(store, 1), "run 1 after a refused resume");
    EXPECT_TRUE(lifecycleNotes(store, 1).empty());
    const auto missing = runMtrec({"runs", "--db", db_.string(), "resume", "999"});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.output.find("no run with id 999"), std::string::npos) << missing.output;
}

}  // namespace
}  // namespace mtrec::test
