#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.h"
#include "trainer_fixture.h"

namespace mtrec::train {
namespace {

double mean(const std::vector<double>& values, std::size_t from, std::size_t count) {
    return std::accumulate(values.begin() + from, values.begin() + from + count, 0.0) /
           static_cast<double>(count);
}

test::LossLog trainToy(const test::ToyTask& task, TrainerOptions options,
                       Result<TrainingOutcome>* outcomeOut = nullptr) {
    model::Encoder encoder = task.encoder();
    auto sampler = task.sampler();
    Trainer trainer(encoder, task.batchEncoder, *sampler, options);
    test::LossLog log;
    test::recordLosses(trainer, log);
    Result<TrainingOutcome> outcome = trainer.train();
    EXPECT_TRUE(outcome.ok()) << (outcome.ok() ? "" : outcome.error().message);
    if (outcomeOut) *outcomeOut = std::move(outcome);
    return log;
}

TEST(Trainer, LossFallsOnALearnableToyTask) {
    const test::ToyTask task;
    const test::LossLog log = trainToy(task, test::toyOptions(60));
    ASSERT_EQ(log.losses.size(), 60u);
    // Batches of 4 (chance: ln 4 = 1.39). Byte-level mean pooling already makes a query and its
    // passage a little alike, so the untrained encoder starts near 1.0; it ends near 0.1.
    const double first = mean(log.losses, 0, 10);
    const double last = mean(log.losses, 40, 20);
    EXPECT_GT(first, 0.8);
    EXPECT_LT(last, 0.35 * first) << "first 10 steps " << first << ", last 20 " << last;
    EXPECT_EQ(log.steps.front(), 1u);
    EXPECT_EQ(log.steps.back(), 60u);
}

TEST(Trainer, Bf16GemmsTrainTheToyTaskWithFiniteFallingLosses) {
    const test::ToyTask task;
    TrainerOptions options = test::toyOptions(60);
    const test::LossLog fp32 = trainToy(task, options);
    options.precision = model::MatmulPrecision::Bf16;
    const test::LossLog bf16 = trainToy(task, options);
    ASSERT_EQ(bf16.losses.size(), 60u);
    EXPECT_TRUE(std::all_of(bf16.losses.begin(), bf16.losses.end(),
                            [](double loss) { return std::isfinite(loss); }));
    const double first = mean(bf16.losses, 0, 10);
    const double last = mean(bf16.losses, 40, 20);
    EXPECT_GT(first, 0.8);
    EXPECT_LT(last, 0.35 * first) << "first 10 steps " << first << ", last 20 " << last;
    // The first step sees the same weights in both: only the rounding of the Linears' inputs
    // (hidden 32) separates the losses. That they differ at all shows bf16 ran.
    EXPECT_NEAR(bf16.losses[0], fp32.losses[0], 0.02);
    EXPECT_NE(bf16.losses[0], fp32.losses[0]);
    EXPECT_EQ(model::currentMatmulPrecision(), model::MatmulPrecision::Fp32);  // scope ended
}

TEST(Trainer, SameSeedAndConfigGiveTheSameLossesBitForBit) {
    const test::ToyTask task;
    TrainerOptions options = test::toyOptions(12);
    options.threads = 2;
    const test::LossLog a = trainToy(task, options);
    const test::LossLog b = trainToy(task, options);
    ASSERT_EQ(a.losses.size(), 12u);
    ASSERT_EQ(b.losses.size(), 12u);
    for (std::size_t i = 0; i < a.losses.size(); ++i)
        EXPECT_EQ(a.losses[i], b.losses[i]) << "step " << i + 1;
    // Another seed draws other dropout masks: the losses differ.
    options.seed = 6;
    const test::LossLog c = trainToy(task, options);
    EXPECT_NE(a.losses, c.losses);
}

TEST(Trainer, ReportsProgressWithScheduleEpochAndMix) {
    const test::ToyTask task;
    model::Encoder encoder = task.encoder();
    auto sampler = task.sampler();
    TrainerOptions options = test::toyOptions(6);
    Trainer trainer(encoder, task.batchEncoder, *sampler, options);
    std::vector<TrainingProgress> seen;
    trainer.setStepObserver([&seen](const TrainingProgress& p) { seen.push_back(p); });
    ASSERT_TRUE(trainer.train().ok());
    ASSERT_EQ(seen.size(), 6u);
    // lr 3e-3, W = 2, T = 6 (lr_schedule.h): 1.5e-3, 3e-3, 3e-3, 2.25e-3, 1.5e-3, 0.75e-3.
    const double expected[] = {1.5e-3, 3e-3, 3e-3, 2.25e-3, 1.5e-3, 0.75e-3};
    const double perEpoch = static_cast<double>(sampler->batchesPerEpoch());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_DOUBLE_EQ(seen[i].lr, expected[i]) << "step " << i + 1;
        EXPECT_EQ(seen[i].totalSteps, 6u);
        EXPECT_DOUBLE_EQ(seen[i].epoch, static_cast<double>(i + 1) / perEpoch);
        EXPECT_EQ(seen[i].pairs, 4u);
        std::int64_t counted = 0;
        for (const LanguagePairCount& c : seen[i].languagePairs) counted += c.pairs;
        EXPECT_EQ(counted, 4);
        EXPECT_GT(seen[i].examplesPerSecond, 0.0);
        EXPECT_GE(seen[i].etaSeconds, 0.0);
        EXPECT_GT(seen[i].gradNorm, 0.0);
        EXPECT_TRUE(seen[i].kind.branch == "mono" || seen[i].kind.branch == "cross");
        if (seen[i].kind.branch == "mono") {
            ASSERT_EQ(seen[i].languagePairs.size(), 1u);
            EXPECT_EQ(seen[i].languagePairs[0].queryLang, seen[i].kind.queryLang);
        }
    }
    EXPECT_DOUBLE_EQ(seen.back().etaSeconds, 0.0);
}

TEST(Trainer, RoundRobinMultitaskTakesOneWeightedStepPerTask) {
    const test::ToyTask task;
    StrategySpec spec;
    spec.name = StrategyName::Multitask;
    spec.batchSize = 4;
    spec.schedule = TaskSchedule::RoundRobin;
    spec.tasks = {{"mono_qa", TaskKind::MonoQa, 1.0}, {"cross_qa", TaskKind::CrossQa, 0.5}};
    model::Encoder encoder = task.encoder();
    auto sampler = task.sampler(spec);
    Trainer trainer(encoder, task.batchEncoder, *sampler, test::toyOptions(6));
    std::vector<TrainingProgress> seen;
    trainer.setStepObserver([&seen](const TrainingProgress& p) { seen.push_back(p); });
    ASSERT_TRUE(trainer.train().ok());
    ASSERT_EQ(seen.size(), 6u);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        const bool mono = i % 2 == 0;
        EXPECT_EQ(seen[i].kind.task, mono ? "mono_qa" : "cross_qa") << "step " << i + 1;
        EXPECT_EQ(seen[i].weightedLoss, seen[i].loss * (mono ? 1.0 : 0.5));
    }
}

TEST(Trainer, HardNegativesAndTheSymmetricTermTrain) {
    const test::ToyTask task;
    TrainerOptions options = test::toyOptions(30);
    options.hardNegatives = true;
    options.loss.symmetric = true;
    const test::LossLog log = trainToy(task, options);
    ASSERT_EQ(log.losses.size(), 30u);
    // Each query also meets the 4 hard negatives ("not apple is the answer"), which look almost
    // like its passage: the loss starts near 1.1 and falls to about 0.4 in 30 steps.
    const double first = mean(log.losses, 0, 10);
    const double last = mean(log.losses, 20, 10);
    EXPECT_GT(first, 0.8);
    EXPECT_LT(last, 0.6 * first) << "first 10 steps " << first << ", last 10 " << last;
}

TEST(Trainer, ZeroStepsCheckpointsTheEncoderAsInitialised) {
    test::ToyRun run(0);
    std::vector<at::Tensor> initial;
    for (const at::Tensor& parameter : run.encoder->parameters())
        initial.push_back(parameter.clone());
    Trainer& trainer = run.start();
    test::LossLog log;
    test::recordLosses(trainer, log);
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome.value().end, TrainingEnd::Finished);
    EXPECT_EQ(outcome.value().lastStep, 0u);
    EXPECT_TRUE(log.losses.empty());
    EXPECT_EQ(outcome.value().finalCheckpoint, (run.dir.path() / "step-00000000").string());
    const auto parameters = run.encoder->parameters();
    ASSERT_EQ(parameters.size(), initial.size());
    for (std::size_t i = 0; i < initial.size(); ++i)
        EXPECT_TRUE(parameters[i].equal(initial[i])) << "parameter " << i << " moved";
}

TEST(Trainer, EpochsCountSamplerBatches) {
    const test::ToyTask task;
    model::Encoder encoder = task.encoder();
    auto sampler = task.sampler();
    TrainerOptions options = test::toyOptions(1);
    options.steps.reset();
    options.epochs = 2;
    Trainer trainer(encoder, task.batchEncoder, *sampler, options);
    EXPECT_EQ(trainer.totalSteps(), 2 * sampler->batchesPerEpoch());
    options.steps = 3;  // both given
    EXPECT_THROW(Trainer(encoder, task.batchEncoder, *sampler, options), std::invalid_argument);
}

}  // namespace
}  // namespace mtrec::train
