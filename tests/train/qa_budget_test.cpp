#include <gtest/gtest.h>

#include <stdexcept>

#include "train/qa_budget.h"

namespace mtrec::train {
namespace {

StrategySpec multitask(bool equalQaBudget, std::vector<TaskSpec> tasks = {}) {
    StrategySpec spec;
    spec.name = StrategyName::Multitask;
    spec.equalQaBudget = equalQaBudget;
    spec.tasks = std::move(tasks);
    return spec;
}

TEST(QaBudget, TranslationStepsComeOnTopOfTheQaSteps) {
    // Default tasks mono_qa, cross_qa, translation: every cycle of 3 holds 2 QA batches.
    EXPECT_EQ(optimizerSteps(multitask(true), 200, true), 300u);
    // 201 QA batches: 100 whole cycles, then mono_qa.
    EXPECT_EQ(optimizerSteps(multitask(true), 201, true), 301u);
    EXPECT_EQ(optimizerSteps(multitask(true), 0, true), 0u);
    // Without parallel sentences the default tasks are the two QA tasks: nothing on top.
    EXPECT_EQ(optimizerSteps(multitask(true), 200, false), 200u);
    // Translation first: batch 0 is translation, so one QA batch takes 2 steps.
    const std::vector<TaskSpec> translationFirst = {{"tatoeba", TaskKind::Translation, 1.0},
                                                    {"qa", TaskKind::MonoQa, 1.0}};
    EXPECT_EQ(optimizerSteps(multitask(true, translationFirst), 1, true), 2u);
    EXPECT_EQ(optimizerSteps(multitask(true, translationFirst), 5, true), 10u);
}

TEST(QaBudget, OtherwiseTheStepsAreTheConfigs) {
    EXPECT_EQ(optimizerSteps(multitask(false), 200, true), 200u);
    StrategySpec hybrid;
    hybrid.equalQaBudget = true;  // not a multitask: the flag means nothing
    EXPECT_EQ(optimizerSteps(hybrid, 200, true), 200u);
    EXPECT_THROW(optimizerSteps(multitask(true, {{"t", TaskKind::Translation, 1.0}}), 10, true),
                 std::invalid_argument);
}

}  // namespace
}  // namespace mtrec::train
