// queueTrainingRun: a run created queued, trained later by resumeTrainingRun, in a folder of its
// own.

#include <gtest/gtest.h>

#include <fstream>

#include "experiment/training_run.h"
#include "job_fixture.h"
#include "store/experiment_store.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

TrainingRunCheck checkedConfig(const test::JobFixture& fixture, std::size_t steps) {
    const ParsedTrainingConfig parsed = parseTrainingConfig(fixture.config(steps));
    EXPECT_TRUE(parsed.problems.empty());
    return checkTrainingConfigValue(parsed.config, "tiny", fixture.root());
}

TEST(QueueTrainingRun, CreatesAQueuedRunThatResumeTrains) {
    const test::JobFixture fixture;
    TrainingRunOptions options = fixture.options("");
    options.baseDir = fixture.root();
    options.outputDir.clear();  // the default folder: runs/<id>-<name> under the base
    Result<std::int64_t> id = queueTrainingRun(checkedConfig(fixture, 4), options);
    ASSERT_TRUE(id.ok()) << id.error().message;
    {
        auto store = store::ExperimentStore::open(fixture.database()).value();
        EXPECT_EQ(store.runs().get(id.value()).value().status, store::RunStatus::Queued);
    }
    Result<TrainingRunOutcome> trained = resumeTrainingRun(id.value(), options, {}, {});
    ASSERT_TRUE(trained.ok()) << trained.error().message;
    EXPECT_EQ(trained.value().status, store::RunStatus::Finished);
    EXPECT_EQ(trained.value().steps, 4u);
    EXPECT_EQ(trained.value().resumedFromStep, 0u);
}

TEST(QueueTrainingRun, NeverReusesAFolderHoldingAnotherRunsFiles) {
    const test::JobFixture fixture;
    TrainingRunOptions options = fixture.options("");
    options.baseDir = fixture.root();
    options.outputDir.clear();  // the default folder: runs/<id>-<name> under the base
    // A run 1 of some earlier database left its checkpoints where this database's run 1 would go.
    const fs::path stale = fixture.root() / "runs" / "1-tiny-hybrid" / "checkpoints";
    fs::create_directories(stale / "step-00000004");
    std::ofstream(stale / "latest") << "step-00000004\n";
    TrainingRunCheck checked = checkedConfig(fixture, 4);
    checked.config.name = "tiny-hybrid";
    Result<std::int64_t> id = queueTrainingRun(std::move(checked), options);
    ASSERT_TRUE(id.ok()) << id.error().message;
    ASSERT_EQ(id.value(), 1);
    auto store = store::ExperimentStore::open(fixture.database()).value();
    EXPECT_EQ(store.runs().get(1).value().checkpointPath.value(),
              (fixture.root() / "runs" / "1-tiny-hybrid-2" / "checkpoints").string());
}

TEST(QueueTrainingRun, RefusesAConfigWithProblemsAndCreatesNothing) {
    const test::JobFixture fixture;
    TrainingRunOptions options = fixture.options("");
    options.baseDir = fixture.root();
    options.outputDir.clear();  // the default folder: runs/<id>-<name> under the base
    TrainingRunCheck checked = checkedConfig(fixture, 4);
    checked.problems.push_back({"$.strategy.alpha", "must be in [0, 1]"});
    Result<std::int64_t> id = queueTrainingRun(std::move(checked), options);
    ASSERT_FALSE(id.ok());
    EXPECT_NE(id.error().message.find("$.strategy.alpha: must be in [0, 1]"), std::string::npos);
    EXPECT_FALSE(fs::exists(fixture.database()));
}

}  // namespace
}  // namespace mtrec::experiment
