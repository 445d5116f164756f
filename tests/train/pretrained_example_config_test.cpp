// docs/examples/mlqa-hybrid-xlmr.json, the worked config of docs/pretrained-models.md: it reads
// without a problem, and checking it as `mtrec train` does from the repository root stops at the
// XLM-R folder that is not there, naming it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "experiment/training_run.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(MTREC_SOURCE_DIR).lexically_normal();
const fs::path kExample = kRoot / "docs/examples/mlqa-hybrid-xlmr.json";
const std::string kModelFolder = "../models/xlm-roberta-base";

bool hasProblem(const std::vector<ConfigProblem>& problems, const ConfigProblem& wanted) {
    return std::any_of(problems.begin(), problems.end(), [&](const ConfigProblem& p) {
        return p.path == wanted.path && p.message == wanted.message;
    });
}

TEST(PretrainedExampleConfig, ReadsAsAHybridRunOnTheXlmrFolder) {
    Result<ParsedTrainingConfig> parsed = readTrainingConfig(kExample.string());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_TRUE(parsed.value().problems.empty())
        << describeProblems(kExample.string(), parsed.value().problems);
    const TrainingConfig& config = parsed.value().config;
    EXPECT_EQ(config.model.hfFolder, kModelFolder);
    EXPECT_EQ(config.tokenizer.path, kModelFolder);
    EXPECT_FALSE(config.tokenizer.train.has_value());
    EXPECT_EQ(config.tokenizer.encoding.maxLength, 128u);
    EXPECT_EQ(config.model.encoder.pooling, model::Pooling::Mean);
    EXPECT_EQ(config.strategy.name, train::StrategyName::Hybrid);
    EXPECT_EQ(config.strategy.alpha, std::optional<double>(0.5));
    EXPECT_EQ(config.optimizer.lr, 3e-5);
    EXPECT_TRUE(checkModel(config).empty());
    EXPECT_TRUE(parseTrainingConfig(toJson(config)).config == config);
}

TEST(PretrainedExampleConfig, CheckingItNamesTheMissingModelFolder) {
    const fs::path model = (kRoot / kModelFolder).lexically_normal();
    if (fs::exists(model))
        GTEST_SKIP() << model.string() << " exists on this machine: nothing is missing to report";
    Result<TrainingRunCheck> checked = checkTrainingRun(kExample.string(), kRoot);
    ASSERT_TRUE(checked.ok()) << checked.error().message;
    const std::vector<ConfigProblem>& problems = checked.value().problems;
    const std::string named = (kRoot / kModelFolder).string();
    const ConfigProblem tokenizerMissing{"$.tokenizer.path", "not found: " + named};
    const ConfigProblem modelMissing{"$.model.hf_folder", "folder not found: " + named};
    const std::string all = checked.value().problemText();
    EXPECT_TRUE(hasProblem(problems, tokenizerMissing)) << all;
    EXPECT_TRUE(hasProblem(problems, modelMissing)) << all;
    EXPECT_FALSE(checked.value().ok());
    EXPECT_NE(all.find(kExample.string() + ": $.model.hf_folder: folder not found: " + named),
              std::string::npos)
        << all;
    // With the public data where the config names it, those two are the only problems (the data
    // was read and paired); elsewhere the missing data is reported on top.
    const bool dataHere = fs::is_directory(kRoot / "../shared/datasets/mlqa/MLQA_V1/dev") &&
                          fs::is_directory(kRoot / "../shared/datasets/xquad-r/xquad-r");
    if (dataHere) {
        EXPECT_EQ(problems.size(), 2u) << all;
    }
}

}  // namespace
}  // namespace mtrec::experiment
