// The versioned training config: parsing, every problem at once, round trip, the shipped examples,
// and the data check on fixtures.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "experiment/training_data.h"
#include "experiment/training_data_note.h"
#include "test_support.h"
#include "train_fixtures.h"

namespace mtrec::experiment {
namespace {

using nlohmann::json;

const std::vector<std::string> kStrategies = {"mono", "cross", "hybrid", "multitask", "mixed"};

std::string allProblems(const std::vector<ConfigProblem>& problems) {
    return describeProblems("config", problems);
}

/// The problem at `path`, which must exist and mention `words`.
void expectProblem(const std::vector<ConfigProblem>& problems, const std::string& path,
                   const std::string& words) {
    const auto found = std::find_if(problems.begin(), problems.end(), [&](const ConfigProblem& p) {
        return p.path == path && p.message.find(words) != std::string::npos;
    });
    EXPECT_NE(found, problems.end())
        << "no problem at " << path << " saying '" << words << "'; problems:\n"
        << allProblems(problems);
}

/// A minimal valid config over the fixture folder `qaDir`.
json minimalConfig(const std::string& qaDir) {
    return {{"version", 1},
            {"name", "fixture"},
            {"seed", 5},
            {"data", {{"parallel_qa", {{"folder", qaDir}}}}},
            {"tokenizer", {{"train", {{"vocab_size", 300}}}}},
            {"strategy", {{"name", "hybrid"}, {"batch_size", 2}}},
            {"optimizer", {{"lr", 1e-3}, {"steps", 10}}}};
}

TEST(TrainingConfig, ParsesAMinimalConfigWithDefaults) {
    const ParsedTrainingConfig parsed = parseTrainingConfig(minimalConfig("qa"));
    ASSERT_TRUE(parsed.problems.empty()) << allProblems(parsed.problems);
    const TrainingConfig& config = parsed.config;
    EXPECT_EQ(config.name, "fixture");
    EXPECT_EQ(config.seed, 5u);
    EXPECT_EQ(config.data.parallelQaFolder, "qa");
    EXPECT_EQ(config.data.answerUnit, data::AnswerUnit::Sentence);
    EXPECT_EQ(config.strategy.name, train::StrategyName::Hybrid);
    EXPECT_EQ(*config.strategy.alpha, 0.5);
    EXPECT_EQ(config.strategy.tau, 0.05);
    EXPECT_EQ(config.tokenizer.train->vocabSize, 300);
    EXPECT_TRUE(config.tokenizer.train->byteFallback);  // a config without the key: on
    EXPECT_EQ(config.tokenizer.train->seed, 5u);
    EXPECT_EQ(*config.optimizer.steps, 10u);
    EXPECT_FALSE(config.optimizer.epochs);
    EXPECT_EQ(config.optimizer.weightDecay, 0.01);
}

TEST(TrainingConfig, ReportsEveryProblemAtOnceWithItsJsonPath) {
    test::TempDir tmp;
    const std::string qaDir = test::writeParallelQaFixture((tmp.path() / "qa").string());
    json config = minimalConfig(qaDir);
    config["data"]["languages"] = {"en", "de", "th"};
    config["data"]["jsonl"] = json::array();
    config["data"]["parallel_sentences"] = {{{"query", "nope.deu"}, {"passage", "nope.eng"}}};
    config["strategy"] = {{"name", "hybird"}, {"batch_size", 1}, {"alpha", 1.5}, {"batch_szie", 4}};
    config["optimizer"] = {{"lr", 0.0}, {"steps", 10}, {"epochs", 2}};
    config["evaluation"] = {{{"suite", "xquad"}, {"data", "nowhere"}}};
    config["extra"] = true;
    const ParsedTrainingConfig parsed = parseTrainingConfig(config);
    expectProblem(parsed.problems, "$.strategy.name", "unknown strategy 'hybird'");
    expectProblem(parsed.problems, "$.strategy.batch_szie", "did you mean 'batch_size'?");
    expectProblem(parsed.problems, "$.extra", "unknown key");
    const std::vector<ConfigProblem> checked = validate(parsed.config, tmp.path());
    expectProblem(checked, "$.strategy.batch_size", "must be >= 2");
    expectProblem(checked, "$.strategy.alpha", "must be in [0, 1]");
    expectProblem(checked, "$.optimizer.lr", "must be > 0");
    expectProblem(checked, "$.optimizer", "exactly one of \"steps\" and \"epochs\"");
    expectProblem(checked, "$.data.languages[2]", "no data for language 'th'");
    expectProblem(checked, "$.data.parallel_sentences[0].query", "file not found");
    expectProblem(checked, "$.data.parallel_sentences[0].passage", "file not found");
    expectProblem(checked, "$.evaluation[0].suite", "unknown suite 'xquad'");
    expectProblem(checked, "$.evaluation[0].data", "folder not found");
    // Both lists together, through the one call the CLI makes.
    const ConfigCheck all = checkTrainingConfig(parsed, tmp.path());
    EXPECT_EQ(all.problems.size(), parsed.problems.size() + checked.size());
    EXPECT_FALSE(all.data);
}

TEST(TrainingConfig, TypeErrorsVersionAndMisplacedOptions) {
    json config = minimalConfig("qa");
    config["strategy"] = {
        {"name", "mono"}, {"batch_size", "16"}, {"alpha", 0.3}, {"schedule", "round_robin"}};
    config["seed"] = -1;
    config["version"] = 2;
    config["data"]["answer_unit"] = "sentences";
    const ParsedTrainingConfig parsed = parseTrainingConfig(config);
    expectProblem(parsed.problems, "$.strategy.batch_size",
                  "expected a whole number, found a string");
    expectProblem(parsed.problems, "$.strategy.alpha",
                  "not used by strategy 'mono' (only by hybrid, mixed)");
    expectProblem(parsed.problems, "$.strategy.schedule", "only by multitask");
    expectProblem(parsed.problems, "$.seed", "must not be negative");
    expectProblem(parsed.problems, "$.version", "reads version 1 configs, found 2");
    expectProblem(parsed.problems, "$.data.answer_unit", "unknown value 'sentences'");
    config.erase("version");
    expectProblem(parseTrainingConfig(config).problems, "$.version", "missing");
    expectProblem(parseTrainingConfig(json::array()).problems, "$", "expected a JSON object");
}

TEST(TrainingConfig, SelectByNamesAMeasureThatNeedsCrossLingualValidation) {
    json config = minimalConfig("qa");
    config["optimizer"]["select_by"] = "mrr";
    expectProblem(parseTrainingConfig(config).problems, "$.optimizer.select_by",
                  "unknown value 'mrr'");
    config["optimizer"]["select_by"] = "cross_mrr";
    const ParsedTrainingConfig unvalidated = parseTrainingConfig(config);
    ASSERT_TRUE(unvalidated.problems.empty()) << allProblems(unvalidated.problems);
    EXPECT_EQ(unvalidated.config.optimizer.selectBy, train::SelectionMeasure::CrossMrr);
    expectProblem(validate(unvalidated.config, {}), "$.optimizer.select_by",
                  "needs validation ($.optimizer.eval_every > 0)");
    config["optimizer"]["eval_every"] = 5;
    config["data"]["validation"] = {{"fraction", 0.2}, {"languages", {"en"}}};
    expectProblem(validate(parseTrainingConfig(config).config, {}), "$.optimizer.select_by",
                  "cross_mrr needs validation pairs of two languages or more");
    config["data"]["validation"]["languages"] = {"en", "de"};
    const ParsedTrainingConfig fine = parseTrainingConfig(config);
    EXPECT_EQ(toJson(fine.config)["optimizer"]["select_by"], "cross_mrr");
    // The default is not written: configs from before the option keep their text.
    config["optimizer"].erase("select_by");
    EXPECT_FALSE(toJson(parseTrainingConfig(config).config)["optimizer"].contains("select_by"));
}

TEST(TrainingConfig, SelectByLastNeedsNoValidationAndRefusesEarlyStopping) {
    json config = minimalConfig("qa");
    config["optimizer"]["select_by"] = "last";
    const ParsedTrainingConfig parsed = parseTrainingConfig(config);
    ASSERT_TRUE(parsed.problems.empty()) << allProblems(parsed.problems);
    EXPECT_EQ(parsed.config.optimizer.selectBy, train::SelectionMeasure::Last);
    // No validation needed (eval_every is 0): nothing to say about the optimizer section.
    const std::vector<ConfigProblem> problems = validate(parsed.config, {});
    EXPECT_TRUE(std::none_of(problems.begin(), problems.end(), [](const ConfigProblem& p) {
        return p.path.rfind("$.optimizer", 0) == 0;
    })) << allProblems(problems);
    EXPECT_EQ(toJson(parsed.config)["optimizer"]["select_by"], "last");
    config["optimizer"]["eval_every"] = 5;
    config["optimizer"]["early_stopping_patience"] = 2;
    config["data"]["validation"] = {{"fraction", 0.2}, {"languages", {"en", "de"}}};
    expectProblem(validate(parseTrainingConfig(config).config, {}),
                  "$.optimizer.early_stopping_patience",
                  "needs a measure to stop by; $.optimizer.select_by \"last\" has none");
}

TEST(TrainingConfig, PrecisionIsFp32OrBf16AndWrittenOnlyWhenBf16) {
    json config = minimalConfig("qa");
    EXPECT_EQ(parseTrainingConfig(config).config.precision, model::MatmulPrecision::Fp32);
    // The default is not written: configs from before the key keep their text.
    EXPECT_FALSE(toJson(parseTrainingConfig(config).config).contains("precision"));
    config["precision"] = "bf16";
    const ParsedTrainingConfig bf16 = parseTrainingConfig(config);
    ASSERT_TRUE(bf16.problems.empty()) << allProblems(bf16.problems);
    EXPECT_EQ(bf16.config.precision, model::MatmulPrecision::Bf16);
    EXPECT_EQ(toJson(bf16.config)["precision"], "bf16");
    config["precision"] = "fp32";
    EXPECT_EQ(parseTrainingConfig(config).config.precision, model::MatmulPrecision::Fp32);
    config["precision"] = "fp16";
    expectProblem(parseTrainingConfig(config).problems, "$.precision",
                  "unknown value 'fp16' (expected fp32 or bf16)");
    config["precision"] = 16;
    expectProblem(parseTrainingConfig(config).problems, "$.precision", "expected a string");
    config.erase("precision");
    config["optimizer"]["precision"] = "bf16";  // top level only
    expectProblem(parseTrainingConfig(config).problems, "$.optimizer.precision", "unknown key");
}

TEST(TrainingConfig, TheFairContrastOptionsBelongToTheirStrategies) {
    json config = minimalConfig("qa");
    config["strategy"]["mono_one_language"] = true;  // hybrid: mono batches are one language already
    expectProblem(parseTrainingConfig(config).problems, "$.strategy.mono_one_language",
                  "not used by strategy 'hybrid' (only by mixed)");
    config["strategy"] = {{"name", "multitask"}, {"schedule", "proportional"},
                          {"equal_qa_budget", true}};
    const ParsedTrainingConfig drawn = parseTrainingConfig(config);
    ASSERT_TRUE(drawn.problems.empty()) << allProblems(drawn.problems);
    expectProblem(validate(drawn.config, {}), "$.strategy.equal_qa_budget", "round_robin");
    config["strategy"]["schedule"] = "round_robin";
    config["optimizer"] = {{"lr", 1e-3}, {"epochs", 2}};
    expectProblem(validate(parseTrainingConfig(config).config, {}), "$.strategy.equal_qa_budget",
                  "needs $.optimizer.steps");
    config["optimizer"] = {{"lr", 1e-3}, {"steps", 10}};
    const ParsedTrainingConfig fine = parseTrainingConfig(config);
    EXPECT_TRUE(fine.config.strategy.equalQaBudget);
    EXPECT_EQ(toJson(fine.config)["strategy"]["equal_qa_budget"], true);
    // Off, the flags are not written: configs from before them keep their text.
    config["strategy"].erase("equal_qa_budget");
    EXPECT_FALSE(toJson(parseTrainingConfig(config).config)["strategy"].contains("equal_qa_budget"));
}

TEST(TrainingConfig, RoundTripsThroughJson) {
    TrainingConfig config;
    config.name = "every field";
    config.seed = 123456789012345ull;
    config.threads = 3;
    config.data.parallelQaFolder = "qa";
    config.data.parallelQaFiles = {{"en", "en.json"}};
    config.data.languages = {"en", "de"};
    config.data.answerUnit = data::AnswerUnit::Paragraph;
    config.data.maxGroups = 77;
    config.data.jsonlFiles = {"a.jsonl"};
    config.data.parallelSentences = {{"x.deu", "x.eng", "de", ""}};
    config.data.validation = {0.1, {"en"}};
    config.tokenizer.path = "spm.model";
    config.tokenizer.encoding.maxLength = 48;
    config.tokenizer.encoding.usePrefixes = false;
    config.model.encoder.layers = 3;
    config.strategy.name = train::StrategyName::Multitask;
    config.strategy.schedule = train::TaskSchedule::Temperature;
    config.strategy.temperature = 2.5;
    config.strategy.tasks = {{"mono_qa", train::TaskKind::MonoQa, 1.0},
                             {"tatoeba", train::TaskKind::Translation, 0.25}};
    config.strategy.symmetric = true;
    config.strategy.tau = 0.1;
    config.optimizer.epochs = 4;
    config.optimizer.evalEvery = 20;
    config.optimizer.keepCheckpoints = 5;
    config.evaluation = {{"mlqa-r", "mlqa", {"en", "de"}}};
    const json written = toJson(config);
    const ParsedTrainingConfig parsed = parseTrainingConfig(written);
    ASSERT_TRUE(parsed.problems.empty()) << allProblems(parsed.problems);
    EXPECT_EQ(toJson(parsed.config), written);
    EXPECT_EQ(parsed.config.strategy.tasks[1].name, "tatoeba");
    EXPECT_EQ(parsed.config.strategy.tasks[1].kind, train::TaskKind::Translation);
    EXPECT_EQ(parsed.config.seed, 123456789012345ull);
    // alpha "size" survives too.
    config.strategy = {};
    config.strategy.alpha = std::nullopt;
    const ParsedTrainingConfig hybrid = parseTrainingConfig(toJson(config));
    ASSERT_TRUE(hybrid.problems.empty()) << allProblems(hybrid.problems);
    EXPECT_FALSE(hybrid.config.strategy.alpha);
    EXPECT_EQ(toJson(config)["strategy"]["alpha"], "size");
}

TEST(TrainingConfig, EveryStrategyOfOneDataSectionTrainsOnTheSameQaPairs) {
    test::TempDir tmp;
    test::writeParallelQaFixture((tmp.path() / "qa").string());
    json config = minimalConfig("qa");
    config["data"]["validation"] = {{"fraction", 0.4}};
    std::set<std::string> notes;
    for (const json& strategy :
         {json{{"name", "hybrid"}}, json{{"name", "mono"}}, json{{"name", "mixed"}},
          json{{"name", "multitask"}, {"equal_qa_budget", true}},
          json{{"name", "cross"}, {"hard_negatives", true}}}) {
        config["strategy"] = strategy;
        config["strategy"]["batch_size"] = 2;
        const ConfigCheck check = checkTrainingConfig(parseTrainingConfig(config), tmp.path());
        ASSERT_TRUE(check.data) << strategy.dump() << allProblems(check.problems);
        notes.insert(trainingDataNote(*check.data));
    }
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes.begin()->rfind("training data: ", 0), 0u) << *notes.begin();
    // Without validation the held-out group trains too: more pairs, another fingerprint.
    config["data"].erase("validation");
    const ConfigCheck all = checkTrainingConfig(parseTrainingConfig(config), tmp.path());
    ASSERT_TRUE(all.data);
    EXPECT_NE(trainingDataNote(*all.data), *notes.begin());
    EXPECT_EQ(poolFingerprint(all.data->train).size(), 12u);
}

TEST(TrainingConfig, DataCheckBuildsPoolsAndFindsDataProblems) {
    test::TempDir tmp;
    const std::string qaDir = test::writeParallelQaFixture((tmp.path() / "qa").string());
    json config = minimalConfig("qa");
    config["data"]["validation"] = {{"fraction", 0.4}, {"languages", {"en"}}};
    ConfigCheck check = checkTrainingConfig(parseTrainingConfig(config), tmp.path());
    ASSERT_TRUE(check.problems.empty()) << allProblems(check.problems);
    ASSERT_TRUE(check.data);
    // 3 groups, round(0.4 x 3) = 1 held out: its en-en pair validates; its pairs leave training.
    EXPECT_EQ(check.data->validation.size(), 1u);
    EXPECT_EQ(check.data->train.groupIds().size(), 2u);
    EXPECT_TRUE(check.data->translation.empty());

    // A language only the JSONL files could have had, and none of them has it.
    const auto jsonl =
        tmp.write("extra.jsonl", R"({"id": "z1", "lang": "en", "query": "q", "passage": "p"})"
                                 "\n");
    config["data"]["languages"] = {"en", "xx"};
    config["data"]["jsonl"] = {jsonl.string()};
    check = checkTrainingConfig(parseTrainingConfig(config), tmp.path());
    expectProblem(check.problems, "$.data.languages[1]", "no training pairs for language 'xx'");

    // One language: validate sees that cross pairs cannot exist.
    config["data"]["languages"] = {"en"};
    config["strategy"] = {{"name", "cross"}, {"batch_size", 2}};
    check = checkTrainingConfig(parseTrainingConfig(config), tmp.path());
    expectProblem(check.problems, "$.strategy.name", "needs cross-lingual pairs");

    // JSONL only, one language, cross: only the pools show it.
    json jsonlOnly = minimalConfig("qa");
    jsonlOnly["data"] = {{"jsonl", {jsonl.string()}}};
    jsonlOnly["strategy"] = {{"name", "cross"}, {"batch_size", 2}};
    check = checkTrainingConfig(parseTrainingConfig(jsonlOnly), tmp.path());
    expectProblem(check.problems, "$.strategy", "no cross-lingual pairs");

    // Nothing to train on.
    const auto blank = tmp.write("blank.jsonl", "\n\n");
    jsonlOnly["data"] = {{"jsonl", {blank.string()}}};
    check = checkTrainingConfig(parseTrainingConfig(jsonlOnly), tmp.path());
    expectProblem(check.problems, "$.data", "empty training set");
    jsonlOnly["data"] = json::object();
    expectProblem(checkTrainingConfig(parseTrainingConfig(jsonlOnly), tmp.path()).problems,
                  "$.data", "empty training set");
}

TEST(TrainingConfig, FileErrorsFromTheDataNameTheFile) {
    test::TempDir tmp;
    const auto bad = tmp.write("bad.jsonl", "{\"id\": \"a\"}\n");
    json config = minimalConfig("qa");
    config["data"] = {{"jsonl", {bad.string()}}};
    const ConfigCheck check = checkTrainingConfig(parseTrainingConfig(config), tmp.path());
    expectProblem(check.problems, "$.data.jsonl", bad.string() + ":1");
}

std::filesystem::path exampleConfig(const std::string& strategy) {
    return std::filesystem::path(MTREC_SOURCE_DIR) / "resources/configs" /
           ("mlqa-" + strategy + ".json");
}

TEST(TrainingConfig, ExampleConfigsParseAndRoundTrip) {
    for (const std::string& strategy : kStrategies) {
        Result<ParsedTrainingConfig> parsed = readTrainingConfig(exampleConfig(strategy).string());
        ASSERT_TRUE(parsed.ok()) << parsed.error().message;
        EXPECT_TRUE(parsed.value().problems.empty()) << strategy << ":\n"
                                                     << allProblems(parsed.value().problems);
        const TrainingConfig& config = parsed.value().config;
        EXPECT_EQ(train::strategyNameText(config.strategy.name), strategy);
        EXPECT_EQ(toJson(parseTrainingConfig(toJson(config)).config), toJson(config));
    }
}

/// parse -> toJson -> parse gives an equal config, with no problem on the way.
void expectRoundTrip(const TrainingConfig& config, const std::string& what) {
    const ParsedTrainingConfig again = parseTrainingConfig(toJson(config));
    EXPECT_TRUE(again.problems.empty()) << what << ":\n" << allProblems(again.problems);
    EXPECT_TRUE(again.config == config) << what << ": " << toJson(config).dump(2) << "\nbecame\n"
                                        << toJson(again.config).dump(2);
}

TEST(TrainingConfig, EveryShippedConfigRoundTripsToAnEqualConfig) {
    std::size_t files = 0;
    const std::filesystem::path folder =
        std::filesystem::path(MTREC_SOURCE_DIR) / "resources/configs";
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        Result<ParsedTrainingConfig> parsed = readTrainingConfig(entry.path().string());
        ASSERT_TRUE(parsed.ok()) << parsed.error().message;
        EXPECT_TRUE(parsed.value().problems.empty()) << entry.path();
        expectRoundTrip(parsed.value().config, entry.path().filename().string());
    }
    // The six MLQA examples and the five demo configs, at least: the loop did look at them.
    EXPECT_GE(files, 11u);
}

void changeEveryDataField(TrainingConfig& config) {
    config.data.parallelQaFolder = "qa";
    config.data.parallelQaFiles = {{"en", "en.json"}, {"de", "de.json"}};
    config.data.languages = {"en", "de"};
    config.data.answerUnit = data::AnswerUnit::Paragraph;
    config.data.maxGroups = 77;
    config.data.jsonlFiles = {"a.jsonl", "b.jsonl"};
    config.data.parallelSentences = {{"x.deu", "x.eng", "de", "en"}, {"y.spa", "y.eng", "", ""}};
    config.data.validation = {0.1, {"en"}};
}

void changeEveryTokenizerAndModelField(TrainingConfig& config) {
    text::SentencePieceTrainOptions train;
    train.seed = static_cast<unsigned>(config.seed);  // what parsing sets
    train.vocabSize = 1234;
    train.modelType = text::SentencePieceModelType::Bpe;
    train.characterCoverage = 0.98;
    train.maxSentences = 5000;
    train.byteFallback = false;
    train.normalization = "nfkc";
    config.tokenizer.train = train;
    config.tokenizer.encoding.maxLength = 48;
    config.tokenizer.encoding.usePrefixes = false;
    config.tokenizer.encoding.queryPrefix = "q: ";
    config.tokenizer.encoding.passagePrefix = "p: ";
    model::EncoderConfig& encoder = config.model.encoder;
    encoder.architecture = model::Architecture::Bert;
    encoder.hiddenSize = 96;
    encoder.layers = 3;
    encoder.heads = 6;
    encoder.intermediateSize = 200;
    encoder.typeVocabSize = 2;
    encoder.dropout = 0.2;
    encoder.attentionDropout = 0.05;
    encoder.preLayerNorm = false;
    encoder.pooling = model::Pooling::Cls;
    encoder.layerNormEps = 1e-5;
    encoder.hiddenAct = "gelu_new";
    config.model.vocabSize = 1234;
    config.model.padId = 3;
    config.model.maxPositions = 60;
}

void changeEveryStrategyAndOptimizerField(TrainingConfig& config) {
    train::StrategySpec& strategy = config.strategy;
    strategy.name = train::StrategyName::Multitask;
    strategy.batchSize = 24;
    strategy.alpha = 0.5;  // multitask has no alpha: it stays at its default
    strategy.languageWeighting = train::LanguageWeighting::Size;
    strategy.crossPairPerBatch = true;
    strategy.schedule = train::TaskSchedule::Temperature;
    strategy.temperature = 2.5;
    strategy.tasks = {{"mono_qa", train::TaskKind::MonoQa, 1.5},
                      {"tatoeba", train::TaskKind::Translation, 0.25}};
    strategy.hardNegatives = true;
    strategy.symmetric = true;
    strategy.tau = 0.1;
    OptimizerConfig& optimizer = config.optimizer;
    optimizer.lr = 1e-4;
    optimizer.weightDecay = 0.02;
    optimizer.warmupSteps = 9;
    optimizer.clipNorm = 0.5;
    optimizer.epochs = 4;
    optimizer.evalEvery = 20;
    optimizer.earlyStoppingPatience = 2;
    optimizer.checkpointEvery = 50;
}

/// A multitask config with every field the format has set to a value other than its default.
TrainingConfig everyFieldChanged() {
    TrainingConfig config;
    config.name = "every field";
    config.seed = 123456789012345ull;
    config.threads = 3;
    config.precision = model::MatmulPrecision::Bf16;
    changeEveryDataField(config);
    changeEveryTokenizerAndModelField(config);
    changeEveryStrategyAndOptimizerField(config);
    config.evaluation = {{"mlqa-r", "mlqa", {"en", "de"}}, {"xquad-r", "xquad", {}}};
    return config;
}

TEST(TrainingConfig, RoundTripIsTheIdentityWithEveryFieldSet) {
    const TrainingConfig config = everyFieldChanged();
    EXPECT_FALSE(config == TrainingConfig{});
    expectRoundTrip(config, "every field");
    // The fields only other strategies, a path tokenizer or a Hugging Face model use.
    TrainingConfig hybrid = config;
    hybrid.strategy.name = train::StrategyName::Hybrid;
    hybrid.strategy.alpha = 0.3;
    hybrid.strategy.schedule = {};
    hybrid.strategy.temperature = 1.0;
    hybrid.strategy.tasks.clear();
    expectRoundTrip(hybrid, "hybrid");
    hybrid.strategy.alpha = std::nullopt;  // "size"
    hybrid.strategy.name = train::StrategyName::Mixed;
    hybrid.strategy.crossPairPerBatch = false;
    expectRoundTrip(hybrid, "mixed, alpha size");
    TrainingConfig huggingFace = config;
    huggingFace.tokenizer.train.reset();
    huggingFace.tokenizer.path = "xlmr";
    huggingFace.model = {};
    huggingFace.model.hfFolder = "xlmr";
    huggingFace.model.encoder.pooling = model::Pooling::Cls;
    expectRoundTrip(huggingFace, "hf_folder");
    // Equality sees a change in any section.
    TrainingConfig changed = config;
    changed.model.encoder.heads = 4;
    EXPECT_TRUE(changed != config);
    changed = config;
    changed.strategy.tasks[1].weight = 0.5;
    EXPECT_TRUE(changed != config);
    changed = config;
    changed.data.parallelSentences[1].queryLang = "es";
    EXPECT_TRUE(changed != config);
}

TEST(TrainingConfig, ModelSectionProblemsHaveTheirJsonPaths) {
    json config = minimalConfig("qa");
    config["model"] = {{"layers", "two"},  {"heads", 3}, {"hidden_size", 32},
                       {"pooling", "max"}, {"lyers", 2}, {"vocab_size", 301}};
    const ParsedTrainingConfig parsed = parseTrainingConfig(config);
    expectProblem(parsed.problems, "$.model.layers", "expected a whole number, found a string");
    expectProblem(parsed.problems, "$.model.pooling", "unknown pooling 'max' (mean or cls)");
    expectProblem(parsed.problems, "$.model.lyers", "unknown key (did you mean 'layers'?)");
    const std::vector<ConfigProblem> checked = validate(parsed.config, {});
    expectProblem(checked, "$.model", "heads (3) must divide hidden_size (32)");
    expectProblem(checked, "$.model.vocab_size",
                  "301 differs from the tokenizer's vocabulary size (300); leave it out");
    EXPECT_EQ(parsed.config.model.vocabSize, std::optional<std::int64_t>(301));
    EXPECT_EQ(parsed.config.model.encoder.heads, 3);

    config["model"] = {{"max_positions", 20}};
    config["tokenizer"]["max_length"] = 32;
    expectProblem(validate(parseTrainingConfig(config).config, {}), "$.model.max_positions",
                  "20 is too few for $.tokenizer.max_length 32 (needs 32)");

    config["model"] = {{"hf_folder", "no-such-folder"}, {"layers", 2}, {"pooling", "cls"}};
    const ParsedTrainingConfig hf = parseTrainingConfig(config);
    expectProblem(hf.problems, "$.model.layers",
                  "not used with hf_folder (the folder's config.json decides)");
    EXPECT_EQ(hf.config.model.hfFolder, "no-such-folder");
    EXPECT_EQ(hf.config.model.encoder.pooling, model::Pooling::Cls);
    expectProblem(validate(hf.config, "/"), "$.model.hf_folder",
                  "folder not found: /no-such-folder");
}

TEST(TrainingConfig, TheUntrainedExampleIsTheHybridOneWithoutSteps) {
    Result<ParsedTrainingConfig> untrained =
        readTrainingConfig(exampleConfig("untrained").string());
    Result<ParsedTrainingConfig> hybrid = readTrainingConfig(exampleConfig("hybrid").string());
    ASSERT_TRUE(untrained.ok() && hybrid.ok());
    EXPECT_TRUE(untrained.value().problems.empty()) << allProblems(untrained.value().problems);
    EXPECT_EQ(untrained.value().config.optimizer.steps, std::optional<std::size_t>(0));
    // Same data, tokenizer and model as the trained examples, so it is their baseline.
    const nlohmann::json a = toJson(untrained.value().config), b = toJson(hybrid.value().config);
    for (const char* section : {"data", "tokenizer", "model", "evaluation", "seed"})
        EXPECT_EQ(a[section], b[section]) << section;
}

TEST(TrainingConfig, ExampleConfigsCheckAgainstTheRealData) {
    const std::filesystem::path root(MTREC_SOURCE_DIR);
    if (!std::filesystem::is_directory(root / "../shared/datasets/mlqa/MLQA_V1/dev"))
        GTEST_SKIP() << "the example configs name ../shared/datasets from the repository root, "
                        "which is absent";
    for (const std::string& strategy : kStrategies) {
        Result<ParsedTrainingConfig> parsed = readTrainingConfig(exampleConfig(strategy).string());
        ASSERT_TRUE(parsed.ok());
        const std::vector<ConfigProblem> problems = validate(parsed.value().config, root);
        EXPECT_TRUE(problems.empty()) << strategy << ":\n" << allProblems(problems);
    }
    // The full check (it reads the data) on the multitask example, which uses every source.
    Result<ParsedTrainingConfig> multitask =
        readTrainingConfig(exampleConfig("multitask").string());
    const ConfigCheck check = checkTrainingConfig(multitask.value(), root);
    ASSERT_TRUE(check.problems.empty()) << allProblems(check.problems);
    // Every MLQA dev group of the 7 languages; 10 % of them validate, in every language pair.
    const std::size_t trainGroups = check.data->train.groupIds().size();
    const std::size_t heldOut = check.data->validation.groupIds().size();
    EXPECT_EQ(trainGroups + heldOut, 1148u);
    EXPECT_EQ(heldOut, 115u);  // round(0.1 x 1148)
    EXPECT_EQ(check.data->validation.languagePairs().size(), 49u);
    EXPECT_EQ(check.data->validation.size(), 1600u);
    EXPECT_EQ(check.data->translation.size(), 6000u);
    EXPECT_EQ(check.data->train.monolingualPairs().size(), 7u);
    EXPECT_EQ(check.data->train.crossLingualPairs().size(), 42u);
}

}  // namespace
}  // namespace mtrec::experiment
