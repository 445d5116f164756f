// Concurrent use of one database (issue 12, item 4): four `mtrec train` processes start at the same
// moment on one database that does not exist yet, while a reader in this process follows them the
// way the workbench does (the change log, the run records, the live curves). Every run must finish,
// every step row must be there exactly once, no process may print an error, and no poll of the
// reader may fail.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <thread>

#include <sys/wait.h>

#include "cli_runner.h"
#include "store/experiment_store.h"
#include "test_support.h"
#include "train_fixture.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kWriters = 4;
constexpr int kSteps = 16;

/// What the reader saw: every failed call, and its slowest poll.
struct ReaderLog {
    std::vector<std::string> errors;
    double worstPollMs = 0.0;
    int polls = 0;
};

/// Follows the store as the workbench does: opens it like the GUI (creating it when missing, so the
/// reader takes part in the race to create the schema), then polls the change log and reads the
/// record and the new curve points of every changed run, until `stop` is set.
ReaderLog followStore(const fs::path& db, const std::atomic<bool>& stop) {
    ReaderLog log;
    Result<store::ExperimentStore> opened = store::ExperimentStore::open(db.string());
    if (!opened) {
        log.errors.push_back("open: " + opened.error().message);
        return log;
    }
    store::ExperimentStore& store = opened.value();
    std::int64_t version = 0;
    std::map<std::int64_t, std::int64_t> lastStep;
    while (!stop) {
        const Clock::time_point start = Clock::now();
        Result<store::StoreChanges> changes = store.changes().since(version);
        if (!changes) log.errors.push_back("changes: " + changes.error().message);
        for (std::int64_t id : changes ? changes.value().runIds : std::vector<std::int64_t>{}) {
            if (auto run = store.runs().get(id); !run)
                log.errors.push_back("run: " + run.error().message);
            auto curves = store.trainingLog().curves(id, lastStep.count(id) ? lastStep[id] : -1);
            if (!curves) log.errors.push_back("curves: " + curves.error().message);
            if (curves && !curves.value().steps.empty()) lastStep[id] = curves.value().steps.back();
        }
        if (changes) version = changes.value().version;
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        log.worstPollMs = std::max(log.worstPollMs, ms);
        ++log.polls;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return log;
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::int64_t count(store::ExperimentStore& store, const std::string& sql, std::int64_t runId) {
    store::Statement query = store.database().prepare(sql);
    query.bind(1, runId);
    query.step();
    return query.int64(0);
}

TEST(ConcurrentTraining, FourTrainersAndAReaderShareOneNewDatabaseWithNothingLost) {
    TempDir dir;
    writeTinyQaCorpus(dir.path() / "qa");
    const fs::path db = dir.path() / "shared.db";
    std::vector<pid_t> children;
    std::vector<fs::path> logs;
    std::atomic<bool> stop{false};
    ReaderLog reader;
    std::thread readerThread([&] { reader = followStore(db, stop); });
    for (int i = 0; i < kWriters; ++i) {
        nlohmann::json config = tinyTrainingConfig(dir.path() / "qa");
        config["name"] = "writer-" + std::to_string(i);
        config["seed"] = 100 + i;
        config["optimizer"]["steps"] = kSteps;
        config["optimizer"]["checkpoint_every"] = 4;
        const std::string name = "config-" + std::to_string(i) + ".json";
        const fs::path file = dir.write(name, config.dump(2));
        logs.push_back(dir.path() / ("writer-" + std::to_string(i) + ".log"));
        const fs::path out = dir.path() / ("out-" + std::to_string(i));
        children.push_back(spawnMtrec(
            {"train", "--config", file.string(), "--db", db.string(), "--out", out.string()}, {},
            logs.back()));
    }
    for (std::size_t i = 0; i < children.size(); ++i) {
        int status = 0;
        ASSERT_EQ(::waitpid(children[i], &status, 0), children[i]);
        const std::string output = readFile(logs[i]);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
        EXPECT_EQ(output.find("locked"), std::string::npos) << output;
        EXPECT_EQ(output.find("rror"), std::string::npos) << output;
        EXPECT_EQ(output.find("failed"), std::string::npos) << output;
    }
    stop = true;
    readerThread.join();
    EXPECT_EQ(reader.errors, std::vector<std::string>{});
    EXPECT_GT(reader.polls, 0);
    std::printf("reader: %d polls, worst %.1f ms\n", reader.polls, reader.worstPollMs);

    Result<store::ExperimentStore> opened = store::ExperimentStore::open(db.string());
    ASSERT_TRUE(opened) << opened.error().message;
    store::ExperimentStore& store = opened.value();
    const std::vector<store::RunListing> runs = store.runs().list().value();
    ASSERT_EQ(runs.size(), static_cast<std::size_t>(kWriters));
    for (const store::RunListing& listing : runs) {
        const std::int64_t id = listing.run.id;
        EXPECT_EQ(listing.run.status, store::RunStatus::Finished) << "run " << id;
        EXPECT_EQ(count(store, "SELECT count(*) FROM step_metrics WHERE run_id = ?1", id), kSteps)
            << "run " << id;
        EXPECT_EQ(count(store,
                        "SELECT count(DISTINCT step) FROM batch_telemetry WHERE run_id = ?1 "
                        "AND step BETWEEN 1 AND " +
                            std::to_string(kSteps),
                        id),
                  kSteps)
            << "run " << id;
        EXPECT_GT(count(store, "SELECT count(*) FROM eval_results WHERE run_id = ?1", id), 0)
            << "run " << id;
    }
}

}  // namespace
}  // namespace mtrec::test
