// The quick demo's and the paper protocol's plans: which runs, in which order, with which seeds,
// paths and suites; the data root moved by --data; MLQA-R left out when it overlaps training.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "experiment/protocol_plan.h"
#include "test_support.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = MTREC_SOURCE_DIR;
const fs::path kConfigs = kSource / "resources" / "configs";

std::vector<std::string> labels(const ProtocolPlan& plan) {
    std::vector<std::string> out;
    for (const PlannedRun& run : plan.runs) out.push_back(run.label());
    return out;
}

/// A SQuAD-layout file holding one paragraph with these question ids.
std::string squadWithIds(const std::vector<std::string>& ids) {
    nlohmann::json qas = nlohmann::json::array();
    for (const std::string& id : ids)
        qas.push_back({{"id", id},
                       {"question", "Who?"},
                       {"answers", {{{"text", "Ann"}, {"answer_start", 0}}}}});
    const nlohmann::json paragraph = {{"context", "Ann was there."}, {"qas", qas}};
    return nlohmann::json{{"version", "1.0"},
                          {"data", {{{"title", "t"}, {"paragraphs", {paragraph}}}}}}
        .dump();
}

/// A datasets folder with every file the mlqa-*.json configs name (contents only where the plan
/// reads them: MLQA's question ids), and LAReQA's MLQA-R with `mlqaRIds` when not empty.
void writeDatasets(const test::TempDir& root, const std::vector<std::string>& mlqaRIds) {
    const std::string dev = "mlqa/MLQA_V1/dev/";
    root.write(dev + "dev-context-en-question-en.json", squadWithIds({"q1", "q2"}));
    root.write(dev + "dev-context-de-question-de.json", squadWithIds({"q1"}));
    root.write("xquad-r/xquad-r/en.json", "{}");
    for (const char* pair :
         {"deu-eng.deu", "deu-eng.eng", "spa-eng.spa", "spa-eng.eng", "ara-eng.ara", "ara-eng.eng",
          "hin-eng.hin", "hin-eng.eng", "vie-eng.vie", "vie-eng.eng", "cmn-eng.cmn", "cmn-eng.eng"})
        root.write(std::string("laser-tatoeba/v1/tatoeba.") + pair, "x\n");
    if (!mlqaRIds.empty()) root.write("mlqa-r/en.json", squadWithIds(mlqaRIds));
}

PaperPlanOptions paperOptions(const fs::path& root, std::vector<std::uint64_t> seeds) {
    PaperPlanOptions options;
    options.configsDir = kConfigs;
    options.dataRoot = root;
    options.baseDir = kSource;
    options.seeds = std::move(seeds);
    return options;
}

TEST(QuickPlan, TrainsFourStrategiesBesideTheUntrainedEncoderAndBm25) {
    Result<ProtocolPlan> plan = quickPlan({kConfigs, kSource, 13, {}});
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_EQ(labels(plan.value()),
              (std::vector<std::string>{"demo-untrained, seed 13", "bm25 on xquad-r",
                                        "demo-mono, seed 13", "demo-cross, seed 13",
                                        "demo-hybrid, seed 13", "demo-multitask, seed 13"}));
    const std::vector<PlannedRun>& runs = plan.value().runs;
    EXPECT_EQ(runs[0].kind, PlannedRunKind::Untrained);
    EXPECT_EQ(runs[1].kind, PlannedRunKind::Bm25);
    EXPECT_EQ(runs[1].seed, 0u);
    EXPECT_EQ(runs[1].suite.data, (kSource / "resources/demo/eval").lexically_normal().string());
    EXPECT_EQ(runs[4].kind, PlannedRunKind::Trained);
    EXPECT_EQ(runs[4].config.strategy.name, train::StrategyName::Hybrid);
    EXPECT_EQ(runs[4].config.optimizer.steps, std::optional<std::size_t>(200));
    EXPECT_EQ(runs[4].config.data.jsonlFiles,
              std::vector<std::string>{(kSource / "resources/demo/train.jsonl").string()});
    EXPECT_EQ(runs[4].config.tokenizer.train->seed, 13u);
    EXPECT_EQ(plan.value().suites, std::vector<std::string>{"xquad-r"});
}

TEST(QuickPlan, AScaleShortensTrainingAndNarrowsTheEvaluation) {
    PlanScale scale;
    scale.maxSteps = 3;
    scale.evaluationLanguages = {"de", "en"};
    Result<ProtocolPlan> plan = quickPlan({kConfigs, kSource, 7, scale});
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    const OptimizerConfig& hybrid = plan.value().runs[4].config.optimizer;
    EXPECT_EQ(hybrid.steps, std::optional<std::size_t>(3));
    EXPECT_EQ(hybrid.warmupSteps, 3u);  // 20 in the config
    EXPECT_EQ(hybrid.evalEvery, 3u);    // 100 in the config
    EXPECT_EQ(plan.value().runs[0].config.optimizer.steps, std::optional<std::size_t>(0));
    EXPECT_EQ(plan.value().runs[0].seed, 7u);
    EXPECT_EQ(plan.value().runs[1].suite.languages, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(plan.value().runs[5].config.evaluation.at(0).languages,
              (std::vector<std::string>{"de", "en"}));
}

TEST(PaperPlan, EveryStrategyAndTheReferencesForEachSeedWithBm25Once) {
    const test::TempDir root;
    writeDatasets(root, {});
    Result<ProtocolPlan> plan = paperPlan(paperOptions(root.path(), {13, 14}));
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_EQ(
        labels(plan.value()),
        (std::vector<std::string>{
            "mlqa-paper-untrained, seed 13", "bm25 on xquad-r", "mlqa-paper-mono, seed 13",
            "mlqa-paper-cross, seed 13", "mlqa-paper-hybrid, seed 13", "mlqa-paper-mixed, seed 13",
            "mlqa-paper-multitask, seed 13", "mlqa-paper-multitask-equal-qa, seed 13",
            "mlqa-paper-untrained, seed 14", "mlqa-paper-mono, seed 14",
            "mlqa-paper-cross, seed 14", "mlqa-paper-hybrid, seed 14", "mlqa-paper-mixed, seed 14",
            "mlqa-paper-multitask, seed 14", "mlqa-paper-multitask-equal-qa, seed 14"}));
    const PlannedRun& hybrid14 = plan.value().runs[11];
    EXPECT_EQ(hybrid14.config.seed, 14u);
    EXPECT_EQ(hybrid14.config.data.parallelQaFolder, (root.path() / "mlqa/MLQA_V1/dev").string());
    EXPECT_EQ(plan.value().runs[1].suite.data, (root.path() / "xquad-r/xquad-r").string());
    EXPECT_EQ(plan.value().suites, std::vector<std::string>{"xquad-r"});
    ASSERT_EQ(plan.value().notes.size(), 2u);
    EXPECT_NE(plan.value().notes[1].find("MLQA-R left out: no LAReQA MLQA-R files"),
              std::string::npos);
}

TEST(PaperPlan, LeavesMlqaROutWhenTheTrainingDataHoldsItsQuestions) {
    const test::TempDir root;
    writeDatasets(root, {"q2", "q3"});
    Result<ProtocolPlan> plan = paperPlan(paperOptions(root.path(), {13}));
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_EQ(plan.value().suites, std::vector<std::string>{"xquad-r"});
    EXPECT_EQ(plan.value().runs.size(), 8u);
    EXPECT_NE(plan.value().notes.back().find("MLQA-R left out: 1 of its 2 questions are in the "
                                             "training data"),
              std::string::npos)
        << plan.value().notes.back();
}

TEST(PaperPlan, EvaluatesOnMlqaRWhenItSharesNoQuestionWithTraining) {
    const test::TempDir root;
    writeDatasets(root, {"q3", "q4"});
    Result<ProtocolPlan> plan = paperPlan(paperOptions(root.path(), {13}));
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_EQ(plan.value().suites, (std::vector<std::string>{"xquad-r", "mlqa-r"}));
    EXPECT_EQ(plan.value().runs.size(), 9u);  // BM25 once per suite
    EXPECT_EQ(plan.value().runs[2].label(), "bm25 on mlqa-r");
    const EvaluationSuiteConfig& mlqaR = plan.value().runs[3].config.evaluation.at(1);
    EXPECT_EQ(mlqaR.suite, "mlqa-r");
    EXPECT_EQ(mlqaR.data, (root.path() / "mlqa").string());
}

TEST(PaperPlan, MissingDataSaysWhereToGetIt) {
    const test::TempDir root;
    Result<ProtocolPlan> plan = paperPlan(paperOptions(root.path() / "nowhere", {13}));
    ASSERT_FALSE(plan.ok());
    const std::string& message = plan.error().message;
    EXPECT_NE(message.find((root.path() / "nowhere/mlqa/MLQA_V1/dev").string()), std::string::npos)
        << message;
    EXPECT_NE(message.find("scripts/get-datasets.sh"), std::string::npos) << message;
    EXPECT_NE(message.find("--data"), std::string::npos) << message;
}

TEST(PaperPlan, OnTheSharedDatasetsMlqaRIsMlqaDevAndLeftOut) {
    MTREC_REQUIRE_DATASET("mlqa-r");
    Result<ProtocolPlan> plan = paperPlan(paperOptions(datasetRoot, {13, 14, 15}));
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_EQ(plan.value().runs.size(), 3u * 7u + 1u);
    EXPECT_EQ(plan.value().suites, std::vector<std::string>{"xquad-r"});
    // 1,148 distinct question ids in LAReQA's MLQA-R, every one an MLQA dev id.
    EXPECT_NE(plan.value().notes.back().find("1148 of its 1148 questions"), std::string::npos)
        << plan.value().notes.back();
}

}  // namespace
}  // namespace mtrec::experiment
