// Checkpoint selection by the held-out cross-lingual MRR instead of the validation loss, or none
// (the last step).
#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "train/validation_ranking.h"
#include "trainer_fixture.h"

namespace mtrec::train {
namespace {

namespace fs = std::filesystem;

/// Starts `run` validating every 2 steps, selecting by the cross-lingual MRR of `rankingPool`.
Trainer& startSelectingByCrossMrr(test::ToyRun& run, const data::PairPool& rankingPool) {
    run.options.evalEvery = 2;
    run.options.selectBy = SelectionMeasure::CrossMrr;
    Trainer& trainer = run.start();
    trainer.setValidationBatches(run.task.validationBatches());
    trainer.setValidationRanking(ValidationRanking(rankingPool));
    return trainer;
}

struct Validation {
    std::size_t step = 0;
    double loss = 0.0;
    double crossMrr = 0.0;
};

TEST(TrainerSelection, CrossMrrKeepsTheStepWithTheHighestHeldOutMrr) {
    test::ToyRun run(12);
    // The toy validation pool is en-en only; its training pool has every language pair.
    Trainer& trainer = startSelectingByCrossMrr(run, run.task.train);
    std::vector<Validation> validations;
    trainer.setProgressSink([&validations](const Progress& progress) {
        if (progress.validationLoss && progress.validationCrossMrr)
            validations.push_back(
                {progress.step, *progress.validationLoss, *progress.validationCrossMrr});
    });
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    ASSERT_EQ(validations.size(), 6u);  // steps 2, 4, ..., 12: loss and MRR at each
    for (const Validation& v : validations) {
        EXPECT_GT(v.crossMrr, 0.0);
        EXPECT_LE(v.crossMrr, 1.0);
    }
    const auto best = std::max_element(
        validations.begin(), validations.end(),
        [](const Validation& a, const Validation& b) { return a.crossMrr < b.crossMrr; });
    EXPECT_EQ(outcome.value().selectedBy, SelectionMeasure::CrossMrr);
    EXPECT_EQ(outcome.value().bestValidationStep, best->step);
    ASSERT_TRUE(outcome.value().bestValidation.has_value());
    EXPECT_EQ(*outcome.value().bestValidation, best->crossMrr);
    EXPECT_TRUE(fs::exists(run.dir.path() / "best" / "encoder.pt"));
}

TEST(TrainerSelection, CrossMrrWithoutCrossLingualValidationPairsIsRefused) {
    test::ToyRun run(4);
    Trainer& trainer = startSelectingByCrossMrr(run, run.task.validation);  // en-en only
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().message,
              "selecting by the validation cross-lingual MRR needs validation pairs of two "
              "languages or more");
    EXPECT_EQ(trainer.completedSteps(), 0u);
}

// select_by last: validation still reports both measures, but no step is kept as best, so the run
// evaluates its final weights.
TEST(TrainerSelection, LastKeepsNoBestAndLeavesTheFinalWeightsToEvaluate) {
    test::ToyRun run(6);
    run.options.evalEvery = 2;
    run.options.selectBy = SelectionMeasure::Last;
    Trainer& trainer = run.start();
    trainer.setValidationBatches(run.task.validationBatches());
    trainer.setValidationRanking(ValidationRanking(run.task.train));
    std::size_t validations = 0;
    trainer.setProgressSink([&validations](const Progress& progress) {
        if (progress.validationLoss && progress.validationCrossMrr) ++validations;
    });
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(validations, 3u);  // steps 2, 4, 6: the curves are still drawn
    EXPECT_EQ(outcome.value().selectedBy, SelectionMeasure::Last);
    EXPECT_FALSE(outcome.value().bestValidation.has_value());
    EXPECT_TRUE(outcome.value().bestModel.empty());
    EXPECT_FALSE(fs::exists(run.dir.path() / "best"));
    EXPECT_FALSE(outcome.value().finalCheckpoint.empty());
}

// The best value a checkpoint carries is of its run's measure: resuming with the other measure
// would compare an MRR with a loss, so it is refused.
TEST(TrainerSelection, ResumingWithAnotherMeasureIsRefused) {
    test::ToyRun first(4);
    ASSERT_TRUE(startSelectingByCrossMrr(first, first.task.train).train().ok());

    test::ToyRun second(4);
    second.options.evalEvery = 2;
    Status resumed = second.start().resume(first.dir.path().string());
    ASSERT_FALSE(resumed.ok());
    EXPECT_NE(resumed.error().message.find("$.settings.select_by: the checkpoint was written with "
                                           "\"cross_mrr\", this run has no value"),
              std::string::npos)
        << resumed.error().message;
}

}  // namespace
}  // namespace mtrec::train
