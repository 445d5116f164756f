// No silent adjustments (issue 12, item 3): a batch the pools cannot fill is refused at its JSON
// path; a max_length that cuts most passages, a checkpoint interval beyond the steps and bf16 on a
// CPU that emulates it are said in a run note. Pools and tokenizer are made by hand, so every count here is counted by hand.
#include <gtest/gtest.h>

#include "experiment/batch_fit.h"
#include "experiment/checkpoint_interval_note.h"
#include "experiment/precision_note.h"
#include "experiment/selection_note.h"
#include "experiment/truncation_note.h"
#include "text/wordpiece_tokenizer.h"

namespace mtrec::experiment {
namespace {

/// `groups` monolingual pairs of `lang` (groups g0, g1, ...) and, for `cross`, the same groups
/// from lang to en.
void addPairs(data::PairPool& pool, const std::string& lang, int groups, bool cross = false) {
    for (int i = 0; i < groups; ++i) {
        const std::string group = "g" + std::to_string(i);
        pool.add({group, lang, lang, "q " + group, "p " + group, std::nullopt});
        if (cross) pool.add({group, lang, "en", "q " + group, "p " + group, std::nullopt});
    }
}

TrainingConfig configOf(train::StrategyName strategy, std::size_t batchSize) {
    TrainingConfig config;
    config.strategy.name = strategy;
    config.strategy.batchSize = batchSize;
    config.data.languages = {"en", "de"};
    return config;
}

TEST(BatchFit, ABatchLargerThanTheGroupsOfTheTrainingSetIsRefused) {
    TrainingData data;
    addPairs(data.train, "en", 400);
    addPairs(data.train, "de", 400, true);
    const std::vector<ConfigProblem> problems =
        batchFitProblems(configOf(train::StrategyName::Hybrid, 100000), data);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, "$.strategy.batch_size");
    EXPECT_EQ(problems[0].message,
              "100000 is more than the 400 question groups of the training data, and a batch "
              "holds each group once: batches would hold at most 400 pairs; use at most 400");
}

TEST(BatchFit, ALanguageWithFewerPairsThanAMonolingualBatchIsRefusedAtItsPath) {
    TrainingData data;
    addPairs(data.train, "en", 10);
    addPairs(data.train, "de", 3, true);
    const std::vector<ConfigProblem> problems =
        batchFitProblems(configOf(train::StrategyName::Mono, 4), data);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, "$.data.languages[1]");
    EXPECT_EQ(problems[0].message,
              "'de' has 3 training pairs, fewer than $.strategy.batch_size (4): its monolingual "
              "batches would hold 3 pairs");
    // cross draws a pool per pair: a small language does not make its batches smaller.
    EXPECT_TRUE(batchFitProblems(configOf(train::StrategyName::Cross, 4), data).empty());
    // hybrid with α = 0 makes no monolingual batch either.
    TrainingConfig crossOnly = configOf(train::StrategyName::Hybrid, 4);
    crossOnly.strategy.alpha = 0.0;
    EXPECT_TRUE(batchFitProblems(crossOnly, data).empty());
}

TEST(BatchFit, CrossWithOneLanguagePairPerBatchNeedsThatPoolToFillABatch) {
    TrainingData data;
    addPairs(data.train, "en", 10);
    addPairs(data.train, "de", 3, true);
    TrainingConfig config = configOf(train::StrategyName::Cross, 4);
    config.strategy.crossPairPerBatch = true;
    const std::vector<ConfigProblem> problems = batchFitProblems(config, data);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].message,
              "is 4, but the de-en pool holds 3 pairs: its batches (one language pair per batch) "
              "would hold 3");
}

/// [PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3 query passage : the cat sat on mat a
text::WordPieceTokenizer catTokenizer() {
    return text::WordPieceTokenizer::fromTokens(
               {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "query", "passage", ":", "the", "cat", "sat",
                "on", "mat", "a"},
               {}, "cats")
        .value();
}

TEST(TruncationNote, SaysWhenMaxLengthCutsMostPassages) {
    data::PairPool pool;
    // Rows are [CLS] passage : <text> [SEP]: 4 tokens besides the text, so 10, 7 and 10 tokens.
    pool.add({"g1", "en", "en", "q", "the cat sat on the mat", std::nullopt});
    pool.add({"g2", "en", "en", "q", "the cat sat", std::nullopt});
    pool.add({"g3", "en", "en", "q", "a cat sat on the mat", std::nullopt});
    const text::WordPieceTokenizer tokenizer = catTokenizer();
    text::BatchEncodingOptions options;
    options.maxLength = 8;
    EXPECT_EQ(truncationNote(pool, text::BatchEncoder(tokenizer, options)),
              "max_length 8 cuts 67% of the training passages (2 of 3 checked; median 10 "
              "tokens): their tails are not trained on");
    options.maxLength = 10;  // every row fits
    EXPECT_EQ(truncationNote(pool, text::BatchEncoder(tokenizer, options)), "");
    pool.add({"g4", "en", "en", "q", "a cat", std::nullopt});
    options.maxLength = 8;  // 2 of 4 cut: half, not most
    EXPECT_EQ(truncationNote(pool, text::BatchEncoder(tokenizer, options)), "");
}

TEST(CheckpointIntervalNote, SaysWhenTheIntervalIsBeyondTheSteps) {
    OptimizerConfig optimizer;
    optimizer.steps = 40;
    optimizer.checkpointEvery = 500;
    EXPECT_EQ(checkpointIntervalNote(optimizer),
              "$.optimizer.checkpoint_every 500 is more than the 40 steps: the only checkpoint "
              "is the one at the end, so a run stopped before it starts over");
    optimizer.checkpointEvery = 40;
    EXPECT_EQ(checkpointIntervalNote(optimizer), "");
    optimizer.checkpointEvery = 0;  // at the end only, as asked
    EXPECT_EQ(checkpointIntervalNote(optimizer), "");
}

TEST(PrecisionNote, SaysWhenBf16RunsEmulated) {
    using model::MatmulPrecision;
    EXPECT_EQ(precisionNote(MatmulPrecision::Bf16, false),
              "$.precision bf16: this CPU has neither AVX512-BF16 nor AMX-BF16, so the bf16 GEMMs "
              "run emulated and slowly here (slower than fp32); the run trains all the same");
    EXPECT_EQ(precisionNote(MatmulPrecision::Bf16, true), "");
    EXPECT_EQ(precisionNote(MatmulPrecision::Fp32, false), "");
}

TEST(SelectionNote, NamesTheEvaluatedStepAndWhyItWasChosen) {
    using train::SelectionMeasure;
    EXPECT_EQ(selectionNote(SelectionMeasure::CrossMrr, 0.25244, 250, 1000),
              "evaluated step 250 of 1000 (highest validation cross-lingual MRR 0.2524)");
    EXPECT_EQ(selectionNote(SelectionMeasure::Loss, 3.1, 1000, 1000),
              "evaluated step 1000 of 1000 (lowest validation loss 3.1000)");
    EXPECT_EQ(selectionNote(SelectionMeasure::Last, std::nullopt, 0, 1000),
              "evaluated the last step, 1000 (select_by last)");
    EXPECT_EQ(selectionNote(SelectionMeasure::Loss, std::nullopt, 0, 40),
              "evaluated the last step, 40 (no validation)");
}

}  // namespace
}  // namespace mtrec::experiment
