// The enumerations a setup form lists (experiment/config_choices.h) and the languages a suite's
// data folder offers (suiteLanguages).
#include <gtest/gtest.h>

#include "eval/display_names.h"
#include "experiment/config_choices.h"
#include "experiment/suite_loader.h"
#include "experiment/training_config.h"
#include "test_support.h"

namespace mtrec::experiment {
namespace {

template <typename Value>
std::vector<std::string> keys(const Choices<Value>& choices) {
    std::vector<std::string> list;
    for (const Choice<Value>& choice : choices) list.push_back(choice.key);
    return list;
}

template <typename Value>
std::vector<std::string> displayNames(const Choices<Value>& choices) {
    std::vector<std::string> list;
    for (const Choice<Value>& choice : choices) list.push_back(choice.displayName);
    return list;
}

TEST(ConfigChoices, ListEveryValueWithTheKeyTheConfigReads) {
    EXPECT_EQ(keys(strategyChoices()),
              (std::vector<std::string>{"mono", "cross", "hybrid", "multitask", "mixed"}));
    for (const auto& choice : strategyChoices())
        EXPECT_EQ(train::parseStrategyName(choice.key), choice.value) << choice.key;
    EXPECT_EQ(keys(scheduleChoices()),
              (std::vector<std::string>{"round_robin", "proportional", "temperature"}));
    for (const auto& choice : scheduleChoices())
        EXPECT_EQ(train::parseSchedule(choice.key), choice.value) << choice.key;
    EXPECT_EQ(keys(taskKindChoices()),
              (std::vector<std::string>{"mono_qa", "cross_qa", "translation"}));
    for (const auto& choice : taskKindChoices())
        EXPECT_EQ(train::parseTaskKind(choice.key), choice.value) << choice.key;
    EXPECT_EQ(keys(languageSamplingChoices()), (std::vector<std::string>{"uniform", "size"}));
    EXPECT_EQ(keys(answerUnitChoices()), (std::vector<std::string>{"sentence", "paragraph"}));
    EXPECT_EQ(keys(tokenizerModelTypeChoices()), (std::vector<std::string>{"unigram", "bpe"}));
    EXPECT_EQ(keys(architectureChoices()),
              (std::vector<std::string>{"transformer", "xlm-roberta", "bert"}));
    EXPECT_EQ(keys(poolingChoices()), (std::vector<std::string>{"mean", "cls"}));
    for (const auto& choice : poolingChoices())
        EXPECT_EQ(model::parsePooling(choice.key).value(), choice.value);
    EXPECT_EQ(keys(suiteChoices()), kSuiteNames);
    EXPECT_EQ(displayNames(suiteChoices())[1], "MLQA-R");
    EXPECT_EQ(displayNames(strategyChoices())[2], "Hybrid (mono or cross batches, alpha)");
}

TEST(ConfigChoices, MetricsAndSettingsHaveDisplayNames) {
    EXPECT_EQ(keys(metricChoices()),
              (std::vector<std::string>{"map", "recip_rank", "recall_1", "recall_10", "recall_100",
                                        "P_1", "ndcg_cut_10"}));
    EXPECT_EQ(displayNames(metricChoices()),
              (std::vector<std::string>{"mAP", "MRR", "R@1", "R@10", "R@100", "P@1", "nDCG@10"}));
    EXPECT_EQ(eval::displayName(eval::Metric::NdcgCut10), "nDCG@10");
    EXPECT_EQ(keys(settingChoices()), (std::vector<std::string>{"Mo", "Cr", "Mul"}));
    EXPECT_EQ(displayNames(settingChoices())[2], "Multilingual pool (Mul)");
}

TEST(ConfigChoices, UnknownValuesListTheChoicesInTheirMessage) {
    nlohmann::json config = {{"version", 1},
                             {"name", "x"},
                             {"data", {{"answer_unit", "word"}}},
                             {"tokenizer", {{"train", {{"model_type", "wordpiece"}}}}},
                             {"strategy", {{"name", "multitask"}, {"schedule", "random"}}},
                             {"evaluation", {{{"suite", "beir"}, {"data", "."}}}}};
    const ParsedTrainingConfig parsed = parseTrainingConfig(config);
    const std::string text = describeProblems("c", parsed.problems);
    for (const char* line :
         {"c: $.data.answer_unit: unknown value 'word' (expected sentence or paragraph)",
          "c: $.tokenizer.train.model_type: unknown value 'wordpiece' (expected unigram or bpe)",
          "c: $.strategy.schedule: unknown value 'random' (expected round_robin, proportional or "
          "temperature)"})
        EXPECT_NE(text.find(line), std::string::npos) << line << " not in\n" << text;
    const std::string checked = describeProblems("c", validate(parsed.config, {}));
    EXPECT_NE(checked.find("c: $.evaluation[0].suite: unknown suite 'beir' (expected xquad-r, "
                           "mlqa-r, miracl or mtrec)"),
              std::string::npos)
        << checked;
}

TEST(SuiteLanguages, ListTheLanguagesTheReadersWouldFind) {
    test::TempDir dir;
    dir.write("xquad-r/de.json", "{}");
    dir.write("xquad-r/en.json", "{}");
    dir.write("xquad-r/notes.txt", "");
    dir.write("mlqa/MLQA_V1/dev/dev-context-en-question-en.json", "{}");
    dir.write("mlqa/MLQA_V1/dev/dev-context-zh-question-zh.json", "{}");
    dir.write("mlqa/MLQA_V1/dev/dev-context-en-question-de.json", "{}");  // not a monolingual file
    dir.write("miracl/topics/topics.miracl-v1.0-sw-dev.tsv", "");
    dir.write("miracl/topics/topics.miracl-v1.0-fi-dev.tsv", "");
    dir.write("miracl/corpus/fi.jsonl", "");
    const std::string root = dir.path().string();
    using Codes = std::vector<std::string>;
    EXPECT_EQ(suiteLanguages("xquad-r", root).value(), (Codes{"de", "en"}));
    EXPECT_EQ(suiteLanguages("xquad-r", root + "/xquad-r").value(), (Codes{"de", "en"}));
    EXPECT_EQ(suiteLanguages("mlqa-r", root).value(), (Codes{"en", "zh"}));
    EXPECT_EQ(suiteLanguages("miracl", root).value(), (Codes{"fi", "sw"}));
    // mtrec: XQuAD-R's, MLQA-R's, and MIRACL's with passages (fi, not sw).
    EXPECT_EQ(suiteLanguages("mtrec", root).value(), (Codes{"de", "en", "fi", "zh"}));
    EXPECT_TRUE(suiteLanguages("miracl", root + "/xquad-r").value().empty());

    Result<Codes> unknown = suiteLanguages("beir", root);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().message,
              "unknown suite 'beir' (expected xquad-r, mlqa-r, miracl or mtrec)");
    Result<Codes> absent = suiteLanguages("xquad-r", root + "/nowhere");
    ASSERT_FALSE(absent.ok());
    EXPECT_EQ(absent.error().message,
              "data folder " + root + "/nowhere does not exist or is not a folder");
}

}  // namespace
}  // namespace mtrec::experiment
