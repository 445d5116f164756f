// The guard in the run check (checkTrainingRun) and in runEvaluation: a suite sharing data with
// the training data is refused before anything is created, unless allowed; allowed, the run is
// recorded as contaminated.
#include <gtest/gtest.h>

#include <filesystem>

#include "experiment/evaluation_job.h"
#include "experiment/training_run.h"
#include "job_fixture.h"
#include "store/experiment_store.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

/// The tiny corpus evaluates on itself: its 20 question ids and the 60 answer sentences (20 per
/// language) of its 120 MLQA-R candidates (two sentences per paragraph) are all training data.
/// The examples come in suite order, German first.
std::string expectedFinding(const test::JobFixture& fixture) {
    return "20 of 20 questions and 60 of 120 passages also occur in the training data (" +
           (fixture.root() / "qa").string() +
           ", e.g. question id q01, question id q02, passage \"Die Hauptstadt von Frankreich ist "
           "Paris.\", passage \"Die Hauptstadt von Deutschland ist Berlin.\")";
}

nlohmann::json withoutAllowOverlap(nlohmann::json config) {
    config["evaluation"][0].erase("allow_overlap");
    return config;
}

TEST(OverlapGuard, TheRunCheckRefusesASuiteSharingTheTrainingDataAndNothingIsCreated) {
    const test::JobFixture fixture;
    const fs::path file =
        fixture.root() / "config.json";  // JobFixture::start writes the config there
    auto started =
        fixture.start(withoutAllowOverlap(fixture.config(4, true)), fixture.options("out"));
    ASSERT_FALSE(started.ok());
    EXPECT_EQ(started.error().message,
              file.string() + ": $.evaluation[0]: mlqa-r: " + expectedFinding(fixture) +
                  "; set allow_overlap to evaluate anyway");
    EXPECT_FALSE(fs::exists(fixture.database())) << "no run was recorded";
    EXPECT_FALSE(fs::exists(fixture.root() / "out")) << "no run folder was made";

    Result<TrainingRunCheck> checked = checkTrainingRun(file.string(), {});
    ASSERT_TRUE(checked.ok());
    ASSERT_EQ(checked.value().problems.size(), 1u);
    EXPECT_EQ(checked.value().problems[0].path, "$.evaluation[0]");
    EXPECT_FALSE(checked.value().data) << "a refused config carries no data to train on";
}

TEST(OverlapGuard, AllowedTheRunEvaluatesAndIsRecordedAsContaminated) {
    const test::JobFixture fixture;
    auto trained = fixture.start(fixture.config(4, true), fixture.options("out"));
    ASSERT_TRUE(trained.ok()) << trained.error().message;
    store::ExperimentStore store = store::ExperimentStore::open(fixture.database()).value();
    const store::RunRecord run = store.runs().get(trained.value().runId).value();
    ASSERT_EQ(run.contaminated.size(), 1u);
    const store::SuiteContamination& record = run.contaminated[0];
    EXPECT_EQ(record.suite, "mlqa-r");
    EXPECT_EQ(record.questions, 20);
    EXPECT_EQ(record.sharedQuestions, 20);
    EXPECT_EQ(record.passages, 120);
    EXPECT_EQ(record.sharedPassages, 60);
    EXPECT_EQ(record.description, expectedFinding(fixture));
    EXPECT_EQ(store.runs().list().value().at(0).run.contaminated.size(), 1u);
    // The run folder keeps its config, which `mtrec eval --model` reads.
    EXPECT_TRUE(fs::exists(fixture.root() / "out" / "config.json"));
}

TEST(OverlapGuard, EvaluatingARunsModelOnItsTrainingDataIsRefusedUnlessAllowed) {
    const test::JobFixture fixture;
    auto trained = fixture.start(fixture.config(4, false), fixture.options("run"));
    ASSERT_TRUE(trained.ok()) << trained.error().message;

    EvaluationJobOptions options;
    options.suite = "mlqa-r";
    options.dataDir = (fixture.root() / "qa").string();
    options.scorer = "dense";
    options.model.folder = (fixture.root() / "run").string();
    options.model.encoding.maxLength = 32;
    options.outDir = (fixture.root() / "eval").string();
    options.databasePath = (fixture.root() / "eval.db").string();
    auto refused = runEvaluation(options, {}, {});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message,
              "mlqa-r: " + expectedFinding(fixture) + "; pass --allow-overlap to evaluate anyway");
    EXPECT_FALSE(fs::exists(options.outDir));
    EXPECT_FALSE(fs::exists(options.databasePath));

    options.allowOverlap = true;
    auto allowed = runEvaluation(options, {}, {});
    ASSERT_TRUE(allowed.ok()) << allowed.error().message;
    ASSERT_EQ(allowed.value().contaminated.size(), 1u);
    store::ExperimentStore store = store::ExperimentStore::open(options.databasePath).value();
    const store::RunRecord run = store.runs().get(*allowed.value().runId).value();
    ASSERT_EQ(run.contaminated.size(), 1u);
    EXPECT_EQ(run.contaminated[0].marker(),
              "mlqa-r [contaminated: 20 shared questions, 60 shared passages]");
    EXPECT_EQ(nlohmann::json::parse(run.configJson).value("allow_overlap", false), true);

    // BM25 learns nothing from training data: nothing to compare, nothing refused.
    options.scorer = "bm25";
    options.allowOverlap = false;
    options.databasePath.clear();
    auto bm25 = runEvaluation(options, {}, {});
    ASSERT_TRUE(bm25.ok()) << bm25.error().message;
    EXPECT_TRUE(bm25.value().contaminated.empty());
}

}  // namespace
}  // namespace mtrec::experiment
