#include <atomic>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "test_support.h"
#include "trainer_fixture.h"

namespace mtrec::train {
namespace {

namespace fs = std::filesystem;

TEST(TrainerFailure, ANanLossEndsTheRunWithAnErrorNamingTheStep) {
    const test::ToyTask task;
    model::Encoder encoder = task.encoder();
    auto sampler = task.sampler();
    TrainerOptions options = test::toyOptions(10);
    options.lossTransformForTesting = [](std::size_t step, double loss) {
        return step == 3 ? std::numeric_limits<double>::quiet_NaN() : loss;
    };
    Trainer trainer(encoder, task.batchEncoder, *sampler, options);
    test::LossLog log;
    test::recordLosses(trainer, log);
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_FALSE(outcome.ok());
    const std::string& message = outcome.error().message;
    EXPECT_NE(message.find("loss is nan at step 3"), std::string::npos) << message;
    EXPECT_EQ(log.losses.size(), 2u);
    EXPECT_EQ(trainer.completedSteps(), 2u);
}

TEST(TrainerFailure, AnInfiniteLossFromAnOverflowingScaleIsReported) {
    const test::ToyTask task;
    model::Encoder encoder = task.encoder();
    auto sampler = task.sampler();
    TrainerOptions options = test::toyOptions(5);
    options.loss.scale = 1e39;  // scale × cosine overflows float32
    Trainer trainer(encoder, task.batchEncoder, *sampler, options);
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_FALSE(outcome.ok());
    const std::string& message = outcome.error().message;
    EXPECT_NE(message.find("at step 1"), std::string::npos) << message;
    EXPECT_TRUE(message.find("loss is nan") != std::string::npos ||
                message.find("loss is inf") != std::string::npos)
        << message;
}

TEST(TrainerFailure, CancellingBeforeTheFirstStepStillWritesACheckpoint) {
    test::ToyRun run(10);
    Trainer& trainer = run.start();
    CancelToken cancel;
    cancel.cancel();
    trainer.setCancelToken(cancel);
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(outcome.value().end, TrainingEnd::Cancelled);
    EXPECT_EQ(outcome.value().lastStep, 0u);
    EXPECT_TRUE(fs::exists(run.dir.path() / "step-00000000" / "trainer.pt"));
}

TEST(TrainerFailure, CancellingMidRunStopsAtTheNextBatch) {
    test::ToyRun run(10);
    Trainer& trainer = run.start();
    CancelToken cancel;
    trainer.setCancelToken(cancel);
    test::LossLog log;
    test::recordLosses(trainer, log, &cancel, 4);
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(outcome.value().end, TrainingEnd::Cancelled);
    EXPECT_EQ(outcome.value().lastStep, 4u);
    EXPECT_EQ(log.losses.size(), 4u);
    EXPECT_EQ(fs::path(outcome.value().finalCheckpoint).filename(), "step-00000004");
}

TEST(TrainerFailure, EarlyStoppingAfterPatienceEvaluationsWithoutImprovement) {
    test::ToyRun run(20);
    run.options.lr = 0.0;  // the weights never move, so the validation loss never improves
    run.options.evalEvery = 2;
    run.options.earlyStoppingPatience = 2;
    Trainer& trainer = run.start();
    trainer.setValidationBatches(run.task.validationBatches());
    std::vector<std::pair<std::size_t, double>> validations;
    trainer.setProgressSink([&validations](const Progress& progress) {
        if (progress.validationLoss)
            validations.emplace_back(progress.step, *progress.validationLoss);
    });
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome.value().end, TrainingEnd::EarlyStopped);
    EXPECT_EQ(outcome.value().lastStep, 6u);  // evaluations at 2 (best), 4, 6 (two without gain)
    ASSERT_EQ(validations.size(), 3u);
    EXPECT_EQ(validations[0].second, validations[1].second);
    EXPECT_EQ(validations[1].second, validations[2].second);
    EXPECT_EQ(outcome.value().bestValidationStep, 2u);
    ASSERT_TRUE(outcome.value().bestValidation.has_value());
    EXPECT_EQ(*outcome.value().bestValidation, validations[0].second);
    EXPECT_EQ(outcome.value().bestModel, (run.dir.path() / "best").string());
    EXPECT_TRUE(fs::exists(run.dir.path() / "best" / "encoder.pt"));
    EXPECT_EQ(fs::path(outcome.value().finalCheckpoint).filename(), "step-00000006");
}

}  // namespace
}  // namespace mtrec::train
