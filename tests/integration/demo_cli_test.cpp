// End-to-end tests of `mtrec demo`: the quick demo (shrunk by its hidden test options) stores its
// six runs finished with their Mo/Cr/Mul results, resuming a queued run of the plan rather than
// duplicating it, and a rerun skips them all; the paper protocol's plan on the shared datasets,
// and its message when the data is missing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"
#include "experiment/protocol_plan.h"
#include "experiment/training_run.h"
#include "store/experiment_store.h"
#include "test_support.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = MTREC_SOURCE_DIR;

/// The hidden options that shrink the quick demo to seconds: 2 steps, two evaluation languages.
const std::vector<std::string> kTiny = {"--test-steps", "2", "--test-languages", "de,en"};

std::vector<std::string> quickArgs(const std::vector<std::string>& more = {}) {
    std::vector<std::string> args = {"demo", "--quick", "--db", "q.db"};
    args.insert(args.end(), kTiny.begin(), kTiny.end());
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

std::vector<store::RunListing> storedRuns(const fs::path& db) {
    store::StoreOptions options;
    options.mode = store::OpenMode::ReadOnly;
    auto store = store::ExperimentStore::open(db.string(), options);
    if (!store) throw std::runtime_error(store.error().message);
    return store.value().runs().list().value();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// Queues the quick plan's hybrid run (as the workbench's queue would) in `db`; returns its id.
std::int64_t queueHybridRun(const fs::path& dir, const fs::path& db) {
    experiment::PlanScale scale;
    scale.maxSteps = 2;
    scale.evaluationLanguages = {"de", "en"};
    const experiment::ProtocolPlan plan =
        experiment::quickPlan({kSource / "resources" / "configs", kSource, 13, scale}).value();
    experiment::TrainingRunOptions options;
    options.databasePath = db.string();
    options.baseDir = dir;
    const experiment::PlannedRun& hybrid = plan.runs[4];
    Result<std::int64_t> queued = experiment::queueTrainingRun(
        experiment::checkTrainingConfigValue(hybrid.config, hybrid.label(), dir), options);
    EXPECT_TRUE(queued.ok()) << queued.error().message;
    return queued.ok() ? queued.value() : 0;
}

// One tiny demo in all (a few seconds of CPU a run): the unfinished run is resumed, the others
// start, and reruns find every run finished.
TEST(DemoCli, QuickStoresEveryRunFinishedResumesAnUnfinishedOneAndARerunSkipsThem) {
    const TempDir dir;
    const fs::path db = dir.path() / "q.db";
    const std::int64_t queued = queueHybridRun(dir.path(), db);
    const CommandResult dry = runMtrec(quickArgs({"--dry-run"}), dir.path().string());
    EXPECT_TRUE(contains(dry.output, "5. demo-hybrid, seed 13: trains 2 steps; run " +
                                         std::to_string(queued) + " (queued) to resume"))
        << dry.output;

    const CommandResult first = runMtrec(quickArgs(), dir.path().string());
    ASSERT_EQ(first.exitCode, 0) << first.output;
    EXPECT_TRUE(contains(
        first.output, "run 5 of 6 (demo-hybrid, seed 13): resuming run " + std::to_string(queued)))
        << first.output;
    EXPECT_TRUE(contains(first.output, "6 runs in q.db: 0 already finished, 1 resumed, 5 new"))
        << first.output;
    EXPECT_TRUE(contains(first.output, "Mo mAP")) << first.output;
    // The demo evaluates only languages it trains on: the seen/unseen table says there is no split.
    EXPECT_TRUE(contains(first.output,
                         "Every evaluated language is a training language: there is no unseen "
                         "split."))
        << first.output;

    const std::vector<store::RunListing> runs = storedRuns(db);
    ASSERT_EQ(runs.size(), 6u);  // the queued run is one of them: ids by creation
    const std::vector<std::string> names = {"demo-hybrid", "demo-untrained", "bm25 on xquad-r",
                                            "demo-mono",   "demo-cross",     "demo-multitask"};
    for (std::size_t i = 0; i < runs.size(); ++i) {
        EXPECT_EQ(runs[i].run.name, names[i]);
        EXPECT_EQ(runs[i].run.status, store::RunStatus::Finished) << names[i];
        ASSERT_EQ(runs[i].summary.size(), 3u) << names[i];  // Mo, Cr, Mul of xquad-r
        EXPECT_EQ(runs[i].summary[0].setting, eval::Setting::Mo);
        EXPECT_EQ(runs[i].summary[2].setting, eval::Setting::Mul);
    }
    EXPECT_EQ(runs[0].run.id, queued);

    const CommandResult again = runMtrec(quickArgs({"--progress", "jsonl"}), dir.path().string());
    ASSERT_EQ(again.exitCode, 0) << again.output;
    EXPECT_EQ(storedRuns(db).size(), 6u);
    std::istringstream lines(again.output);
    std::string line, last;
    while (std::getline(lines, line))
        if (!line.empty()) last = line;
    const nlohmann::json end = nlohmann::json::parse(last);
    EXPECT_EQ(end.value("status", ""), "finished");
    EXPECT_EQ(end["runs"]["demo-hybrid"], nlohmann::json::array({queued}));
    EXPECT_TRUE(contains(again.output, "\"run_index\":6")) << again.output;
    EXPECT_TRUE(contains(again.output, "already finished as run " + std::to_string(runs[5].run.id)))
        << again.output;

    const CommandResult plan = runMtrec(quickArgs({"--dry-run"}), dir.path().string());
    ASSERT_EQ(plan.exitCode, 0) << plan.output;
    EXPECT_TRUE(contains(plan.output,
                         "6. demo-multitask, seed 13: trains 2 steps; finished as "
                         "run " +
                             std::to_string(runs[5].run.id)))
        << plan.output;
}

TEST(DemoCli, PaperDryRunOnTheSharedDatasetsListsItsRunsAndLeavesMlqaROut) {
    MTREC_REQUIRE_DATASET("xquad-r");
    const TempDir dir;
    const CommandResult result =
        runMtrec({"demo", "--paper", "--data", datasetRoot.string(), "--db", "p.db", "--dry-run"},
                 dir.path().string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_TRUE(contains(result.output, "paper protocol: 22 runs into p.db")) << result.output;
    EXPECT_TRUE(contains(result.output, "1. mlqa-paper-untrained, seed 13: untrained encoder; new"))
        << result.output;
    EXPECT_TRUE(
        contains(result.output, "21. mlqa-paper-multitask, seed 15: trains 1000 steps; new"))
        << result.output;
    EXPECT_TRUE(contains(result.output,
                         "22. mlqa-paper-multitask-equal-qa, seed 15: trains 1500 "
                         "steps (1000 of them QA); new"))
        << result.output;
    if (fs::exists(datasetRoot / "mlqa-r")) {
        EXPECT_TRUE(contains(result.output, "MLQA-R left out: 1148 of its 1148 questions"))
            << result.output;
    }
    EXPECT_FALSE(fs::exists(dir.path() / "p.db"));  // a dry run writes nothing
}

TEST(DemoCli, PaperWithoutItsDataSaysWhereToGetIt) {
    const TempDir dir;
    const CommandResult result =
        runMtrec({"demo", "--paper", "--data", (dir.path() / "none").string(), "--dry-run"},
                 dir.path().string());
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_TRUE(contains(result.output, "scripts/get-datasets.sh")) << result.output;
    EXPECT_TRUE(contains(result.output, (dir.path() / "none" / "mlqa").string())) << result.output;
}

}  // namespace
}  // namespace mtrec::test
