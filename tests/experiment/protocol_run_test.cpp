// runProtocol's bookkeeping: which stored run a planned run is (name, seed, config), skipping the
// finished ones, refusing one another process runs, stopping when cancelled, and the reports.

#include <gtest/gtest.h>

#include <unistd.h>

#include "experiment/protocol_run.h"
#include "store/experiment_store.h"
#include "test_support.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = MTREC_SOURCE_DIR;

ProtocolPlan demoPlan() {
    Result<ProtocolPlan> plan = quickPlan({kSource / "resources" / "configs", kSource, 13, {}});
    EXPECT_TRUE(plan.ok()) << plan.error().message;
    return std::move(plan).value();
}

/// The config a planned run stores, as startTrainingRun or mtrec eval would write it.
std::string storedConfig(const PlannedRun& run) {
    if (run.kind != PlannedRunKind::Bm25) return toJson(run.config).dump();
    return nlohmann::json{{"command", "eval"},
                          {"suite", run.suite.suite},
                          {"data", run.suite.data},
                          {"scorer", "bm25"},
                          {"languages", run.suite.languages}}
        .dump();
}

class ProtocolRun : public ::testing::Test {
protected:
    store::ExperimentStore open() {
        return store::ExperimentStore::open(database().string()).value();
    }
    fs::path database() const { return dir_.path() / "experiments.db"; }

    /// Stores `run` (with `config` when given) and takes it to `status`.
    std::int64_t storeRun(const PlannedRun& run, store::RunStatus status,
                          const std::string& config = "") {
        store::ExperimentStore db = open();
        store::NewRun row;
        row.name = run.name;
        row.seed = static_cast<std::int64_t>(run.seed);
        row.strategy = "hybrid";
        row.configJson = config.empty() ? storedConfig(run) : config;
        const std::int64_t id = db.runs().create(row).value();
        if (status != store::RunStatus::Queued) { EXPECT_TRUE(db.runs().start(id).ok()); }
        if (status == store::RunStatus::Finished) { EXPECT_TRUE(db.runs().finish(id).ok()); }
        if (status == store::RunStatus::Cancelled) { EXPECT_TRUE(db.runs().cancel(id).ok()); }
        return id;
    }

    std::optional<std::int64_t> found(const PlannedRun& run) {
        store::ExperimentStore db = open();
        store::RunRepository runs = db.runs();
        Result<std::optional<store::RunRecord>> result = findPlannedRun(runs, run);
        EXPECT_TRUE(result.ok()) << result.error().message;
        if (!result.ok() || !result.value()) return std::nullopt;
        return result.value()->id;
    }

    ProtocolRunOptions options() const {
        ProtocolRunOptions options;
        options.training.databasePath = database().string();
        options.training.baseDir = dir_.path();
        return options;
    }

    test::TempDir dir_;
    ProtocolPlan plan_ = demoPlan();
};

TEST_F(ProtocolRun, FindsTheRunOfTheSameNameSeedAndConfig) {
    const PlannedRun& hybrid = plan_.runs[4];
    const std::int64_t id = storeRun(hybrid, store::RunStatus::Finished);
    EXPECT_EQ(found(hybrid), std::optional<std::int64_t>(id));
    EXPECT_EQ(found(plan_.runs[3]), std::nullopt);  // demo-cross: not stored
    const std::int64_t bm25 = storeRun(plan_.runs[1], store::RunStatus::Finished);
    EXPECT_EQ(found(plan_.runs[1]), std::optional<std::int64_t>(bm25));
}

TEST_F(ProtocolRun, AnotherConfigOrSeedIsAnotherRunButTheThreadCountIsNot) {
    const PlannedRun& hybrid = plan_.runs[4];
    TrainingConfig longer = hybrid.config;
    longer.optimizer.steps = 400;
    storeRun(hybrid, store::RunStatus::Finished, toJson(longer).dump());
    PlannedRun otherSeed = hybrid;
    otherSeed.seed = 14;
    storeRun(otherSeed, store::RunStatus::Finished);
    EXPECT_EQ(found(hybrid), std::nullopt);

    TrainingConfig oneThread = hybrid.config;
    oneThread.threads = 1;
    const std::int64_t id = storeRun(hybrid, store::RunStatus::Finished, toJson(oneThread).dump());
    EXPECT_EQ(found(hybrid), std::optional<std::int64_t>(id));
}

TEST_F(ProtocolRun, AFinishedRunWinsOverANewerUnfinishedOne) {
    const PlannedRun& mono = plan_.runs[2];
    const std::int64_t cancelled = storeRun(mono, store::RunStatus::Cancelled);
    EXPECT_EQ(found(mono), std::optional<std::int64_t>(cancelled));
    const std::int64_t finished = storeRun(mono, store::RunStatus::Finished);
    storeRun(mono, store::RunStatus::Cancelled);
    EXPECT_EQ(found(mono), std::optional<std::int64_t>(finished));
}

TEST_F(ProtocolRun, SkipsEveryFinishedRunAndReportsEachAsRunIOfN) {
    std::vector<std::int64_t> ids;
    for (const PlannedRun& run : plan_.runs)
        ids.push_back(storeRun(run, store::RunStatus::Finished));
    std::vector<Progress> reports;
    Result<ProtocolOutcome> outcome =
        runProtocol(plan_, options(), [&reports](const Progress& p) { reports.push_back(p); }, {});
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome.value().runIds, ids);
    EXPECT_EQ(outcome.value().count(PlannedRunAction::AlreadyFinished), 6u);
    EXPECT_FALSE(outcome.value().cancelled);
    ASSERT_EQ(reports.size(), 7u);
    EXPECT_EQ(reports[2].runIndex, 3u);
    EXPECT_EQ(reports[2].runCount, 6u);
    EXPECT_EQ(reports[2].runId, ids[2]);
    EXPECT_EQ(reports[2].message,
              "run 3 of 6 (demo-mono, seed 13): already finished as run " + std::to_string(ids[2]));
    EXPECT_EQ(reports.back().phase, Phase::Done);

    const std::vector<report::ProtocolTableRow> rows = comparisonRows(plan_, outcome.value());
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_EQ(rows[1].label, "bm25 on xquad-r");
    EXPECT_EQ(rows[5].runIds, std::vector<std::int64_t>{ids[5]});
}

TEST_F(ProtocolRun, ACancelledTokenStopsBeforeTheNextRun) {
    CancelToken cancel;
    cancel.cancel();
    Result<ProtocolOutcome> outcome = runProtocol(plan_, options(), {}, cancel);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_TRUE(outcome.value().cancelled);
    EXPECT_EQ(outcome.value().count(PlannedRunAction::NotReached), 6u);
    EXPECT_TRUE(comparisonRows(plan_, outcome.value()).empty());
    EXPECT_TRUE(open().runs().list().value().empty());
}

TEST_F(ProtocolRun, ARunAnotherLiveProcessTrainsEndsTheProtocolNamingIt) {
    storeRun(plan_.runs[0], store::RunStatus::Finished);
    const std::int64_t running =
        storeRun(plan_.runs[1], store::RunStatus::Running);  // this process
    Result<ProtocolOutcome> outcome = runProtocol(plan_, options(), {}, {});
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().message.rfind(
                  "run 2 of 6 (bm25 on xquad-r): run " + std::to_string(running) +
                      " is running in process " + std::to_string(::getpid()),
                  0),
              0u)
        << outcome.error().message;
}

}  // namespace
}  // namespace mtrec::experiment
