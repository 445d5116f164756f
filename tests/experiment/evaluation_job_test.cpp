// runEvaluation (experiment/evaluation_job.h): BM25 and dense evaluation of the tiny QA corpus,
// the dense scorer over a trained run's folder and over a Hugging Face folder (also with bf16
// GEMMs), and cancelling.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "eval/suite_evaluation.h"
#include "experiment/contamination_note.h"
#include "experiment/encoder_scorer.h"
#include "experiment/evaluation_job.h"
#include "experiment/suite_loader.h"
#include "experiment/trec_regeneration.h"
#include "job_fixture.h"
#include "model/huggingface_encoder.h"
#include "model/safetensors.h"
#include "store/experiment_store.h"
#include "text/batch_encoder.h"
#include "text/wordpiece_tokenizer.h"

namespace mtrec::experiment {
namespace {

std::string textOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

namespace fs = std::filesystem;

EvaluationJobOptions tinyEvaluation(const test::JobFixture& fixture, const std::string& out) {
    EvaluationJobOptions options;
    options.suite = "mlqa-r";
    options.dataDir = (fixture.root() / "qa").string();
    options.outDir = (fixture.root() / out).string();
    options.threads = 2;
    return options;
}

/// Every cell's mean of every metric, side by side.
void expectSameCells(const eval::SuiteEvaluation& a, const eval::SuiteEvaluation& b) {
    ASSERT_EQ(a.cells.size(), b.cells.size());
    for (std::size_t i = 0; i < a.cells.size(); ++i) {
        EXPECT_EQ(a.cells[i].queryLanguage, b.cells[i].queryLanguage);
        EXPECT_EQ(a.cells[i].candidateLanguage, b.cells[i].candidateLanguage);
        EXPECT_EQ(a.cells[i].queryCount, b.cells[i].queryCount);
        for (std::size_t m = 0; m < eval::kMetricCount; ++m)
            EXPECT_EQ(a.cells[i].mean[m], b.cells[i].mean[m])
                << a.cells[i].queryLanguage << "-" << a.cells[i].candidateLanguage << " metric "
                << m;
    }
}

TEST(EvaluationJob, Bm25WritesTheFilesRecordsTheRunAndReportsInOrder) {
    const test::JobFixture fixture;
    EvaluationJobOptions options = tinyEvaluation(fixture, "bm25");
    options.databasePath = fixture.database();
    test::ProgressLog log;
    auto outcome = runEvaluation(options, log.sink(), {});
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    ASSERT_EQ(outcome.value().evaluations.size(), 1u);
    EXPECT_EQ(outcome.value().evaluations[0].runId, "bm25");
    EXPECT_EQ(outcome.value().runId, 1);
    for (const char* file : {"stats.csv", "summary.csv", "pairs.csv", "per_query.csv", "bias.csv"})
        EXPECT_TRUE(fs::exists(fs::path(options.outDir) / file)) << file;
    std::vector<Phase> phases;
    for (const Progress& p : log.reports)
        if (phases.empty() || phases.back() != p.phase) phases.push_back(p.phase);
    EXPECT_EQ(phases, (std::vector<Phase>{Phase::Ranking, Phase::WritingResults, Phase::Done}));
    EXPECT_EQ(log.reports.back().runId, 1);
    // 3 languages; BM25 scores pool by pool: 3 Mo/Cr pools and the Mul pool per query language.
    EXPECT_EQ(log.reports.front().total, 12u);
}

TEST(EvaluationJob, CancelledItReturnsAnErrorAndWritesNothing) {
    const test::JobFixture fixture;
    EvaluationJobOptions options = tinyEvaluation(fixture, "cancelled");
    options.databasePath = fixture.database();
    const CancelToken cancel;
    std::size_t reports = 0;
    auto outcome = runEvaluation(
        options,
        [&](const Progress&) {
            if (++reports == 1) cancel.cancel();
        },
        cancel);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().message, "cancelled");
    EXPECT_EQ(reports, 1u) << "stopped before the next batch of queries";
    EXPECT_FALSE(fs::exists(fs::path(options.outDir) / "pairs.csv"));
    EXPECT_FALSE(fs::exists(fixture.database())) << "nothing recorded";
}

TEST(EvaluationJob, DenseOverARunFolderReproducesTheRunsOwnEvaluation) {
    const test::JobFixture fixture;
    auto trained = fixture.start(fixture.config(10, true), fixture.options("run"));
    ASSERT_TRUE(trained.ok()) << trained.error().message;
    ASSERT_EQ(trained.value().evaluations.size(), 1u);

    EvaluationJobOptions options = tinyEvaluation(fixture, "dense");
    options.scorer = "dense";
    options.model.folder = (fixture.root() / "run").string();
    options.model.encoding.maxLength = 32;  // the config's tokenizer.max_length
    options.databasePath = fixture.database();
    options.allowOverlap = true;  // the run trained on the suite's own files
    test::ProgressLog log;
    auto outcome = runEvaluation(options, log.sink(), {});
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    expectSameCells(outcome.value().evaluations[0], trained.value().evaluations[0]);
    ASSERT_EQ(outcome.value().runId, 2);

    // Recorded, its rankings regenerate from the stored request (model folder and max length).
    store::ExperimentStore store = store::ExperimentStore::open(fixture.database()).value();
    TrecExportOptions trec;
    trec.outDir = (fixture.root() / "trec").string();
    auto exported = exportTrecRuns(store, {2}, trec, {}, {});
    ASSERT_TRUE(exported.ok()) << exported.error().message;
    // 3 languages: 9 pairs and 3 Mul pools, and the note of a contaminated suite.
    EXPECT_EQ(exported.value()[0].files.size(), 25u);
    const std::vector<std::string>& files = exported.value()[0].files;
    const auto note = std::find_if(files.begin(), files.end(), [](const std::string& file) {
        return std::filesystem::path(file).filename() == kContaminationNoteName;
    });
    ASSERT_NE(note, files.end());
    const std::string noteText = textOf(*note);
    const std::string suite = outcome.value().contaminated.at(0).suite;
    EXPECT_EQ(noteText.rfind(outcome.value().contaminated.at(0).marker() + "\n\nNot a zero-shot "
                                                                           "evaluation: ",
                             0),
              0u)
        << noteText;
    EXPECT_EQ(std::filesystem::path(*note).parent_path().filename(), suite);
    options.databasePath.clear();
    EXPECT_EQ(log.reports.front().phase, Phase::LoadingModel);
    EXPECT_EQ(log.reports.front().message, "loading " + (fixture.root() / "run").string());
    EXPECT_EQ(log.reports[1].phase, Phase::Embedding);

    // The run's checkpoints folder, and the step folder itself (its final checkpoint), give the
    // same.
    for (const std::string& folder :
         {(fixture.root() / "run" / "checkpoints").string(), trained.value().checkpoint}) {
        options.model.folder = folder;
        options.outDir = (fixture.root() / "dense-checkpoint").string();
        auto fromCheckpoint = runEvaluation(options, {}, {});
        ASSERT_TRUE(fromCheckpoint.ok()) << fromCheckpoint.error().message;
        expectSameCells(fromCheckpoint.value().evaluations[0], trained.value().evaluations[0]);
    }

    options.model.encoding.maxLength = 128;  // beyond the model's 32 positions
    auto tooLong = runEvaluation(options, {}, {});
    ASSERT_FALSE(tooLong.ok());
    EXPECT_NE(tooLong.error().message.find("the model has 32 positions, too few for texts of 128"),
              std::string::npos)
        << tooLong.error().message;

    options.model.folder = (fixture.root() / "qa").string();
    auto notAModel = runEvaluation(options, {}, {});
    ASSERT_FALSE(notAModel.ok());
    EXPECT_NE(notAModel.error().message.find("not a model folder"), std::string::npos)
        << notAModel.error().message;
}

/// A tiny BERT folder in the Hugging Face layout: config.json, model.safetensors (random weights,
/// no prefix) and a vocab.txt of letters and word pieces.
void writeTinyBert(const fs::path& folder) {
    fs::create_directories(folder);
    std::vector<std::string> vocab = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "?", ".", "¿"};
    for (char c = 'a'; c <= 'z'; ++c) {
        vocab.push_back(std::string(1, c));
        vocab.push_back("##" + std::string(1, c));
    }
    std::ofstream(folder / "vocab.txt") << [&] {
        std::string text;
        for (const std::string& token : vocab) text += token + "\n";
        return text;
    }();
    const int64_t hidden = 32, inner = 64, positions = 128;
    const nlohmann::json config = {{"model_type", "bert"},
                                   {"vocab_size", vocab.size()},
                                   {"hidden_size", hidden},
                                   {"num_hidden_layers", 1},
                                   {"num_attention_heads", 2},
                                   {"intermediate_size", inner},
                                   {"max_position_embeddings", positions},
                                   {"type_vocab_size", 2},
                                   {"pad_token_id", 0},
                                   {"hidden_act", "gelu"}};
    std::ofstream(folder / "config.json") << config.dump(2);
    at::manual_seed(3);
    const auto random = [](std::vector<int64_t> shape) { return at::randn(shape) * 0.2; };
    std::vector<std::pair<std::string, at::Tensor>> tensors = {
        {"embeddings.word_embeddings.weight", random({(int64_t)vocab.size(), hidden})},
        {"embeddings.position_embeddings.weight", random({positions, hidden})},
        {"embeddings.token_type_embeddings.weight", random({2, hidden})},
        {"embeddings.LayerNorm.weight", at::ones({hidden})},
        {"embeddings.LayerNorm.bias", at::zeros({hidden})}};
    const std::string layer = "encoder.layer.0.";
    for (const char* name : {"attention.self.query", "attention.self.key", "attention.self.value",
                             "attention.output.dense"}) {
        tensors.emplace_back(layer + name + ".weight", random({hidden, hidden}));
        tensors.emplace_back(layer + name + ".bias", random({hidden}));
    }
    tensors.emplace_back(layer + "intermediate.dense.weight", random({inner, hidden}));
    tensors.emplace_back(layer + "intermediate.dense.bias", random({inner}));
    tensors.emplace_back(layer + "output.dense.weight", random({hidden, inner}));
    tensors.emplace_back(layer + "output.dense.bias", random({hidden}));
    for (const char* norm : {"attention.output.LayerNorm", "output.LayerNorm"}) {
        tensors.emplace_back(layer + norm + ".weight", at::ones({hidden}));
        tensors.emplace_back(layer + norm + ".bias", at::zeros({hidden}));
    }
    ASSERT_TRUE(model::writeSafetensors((folder / "model.safetensors").string(), tensors).ok());
}

/// The tiny BERT folder's model put together by hand: BERT weights, its WordPiece vocabulary,
/// default encoding, and the mlqa-r suite of `dataDir` (value() throws, failing the test, on an
/// error).
struct BertByHand {
    BertByHand(const fs::path& bert, const std::string& dataDir)
        : tokenizer(text::WordPieceTokenizer::loadFolder(bert).value()),
          batchEncoder(tokenizer, text::BatchEncodingOptions{}),
          encoder(model::loadHuggingFaceEncoder(bert.string()).value()),
          suite(loadSuites({"mlqa-r", dataDir, {}}).value().suites.at(0)) {}
    BertByHand(const BertByHand&) = delete;  // batchEncoder refers to tokenizer
    BertByHand& operator=(const BertByHand&) = delete;

    std::unique_ptr<DenseScorer> scorer(const EncoderScorerOptions& options) const {
        return makeEncoderScorer(suite, *encoder, batchEncoder, options, "dense").value();
    }

    eval::SuiteEvaluation evaluate(const EncoderScorerOptions& options) const {
        eval::EvaluationOptions evaluation;
        evaluation.threads = 2;
        return eval::evaluateSuite(suite, *scorer(options), evaluation).value();
    }

    text::WordPieceTokenizer tokenizer;
    text::BatchEncoder batchEncoder;
    model::Encoder encoder;
    data::RetrievalSuite suite;
};

/// tinyEvaluation with the dense scorer over a tiny BERT folder written to <root>/tiny-bert,
/// recorded in the fixture's database.
EvaluationJobOptions tinyBertEvaluation(const test::JobFixture& fixture, const std::string& out) {
    const fs::path bert = fixture.root() / "tiny-bert";
    writeTinyBert(bert);
    EvaluationJobOptions options = tinyEvaluation(fixture, out);
    options.scorer = "dense";
    options.model.folder = bert.string();
    options.databasePath = fixture.database();
    return options;
}

TEST(EvaluationJob, DenseOverAHuggingFaceFolderEvaluatesItZeroShot) {
    const test::JobFixture fixture;
    const EvaluationJobOptions options = tinyBertEvaluation(fixture, "hf");
    auto outcome = runEvaluation(options, {}, {});
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome.value().runId, 1);

    // The same model put together by hand gives the same cells.
    const BertByHand byHand(options.model.folder, options.dataDir);
    expectSameCells(outcome.value().evaluations[0], byHand.evaluate({}));
    const double map = outcome.value().evaluations[0].summaries[0].mean[0];
    EXPECT_GT(map, 0.0);
    EXPECT_LE(map, 1.0);
}

/// The scores of the first language's queries against its own candidates.
std::vector<float> firstPoolScores(eval::Scorer& scorer, const data::RetrievalSuite& suite) {
    eval::ScoreBlock block;
    block.endQuery = suite.languages[0].queries.size();
    block.poolLanguages = {0};
    std::vector<float> scores(block.endQuery * suite.languages[0].candidates.size());
    scorer.score(block, scores.data());
    return scores;
}

TEST(EvaluationJob, DenseInBf16EmbedsWithBf16GemmsRecordsItAndRegeneratesIt) {
    const test::JobFixture fixture;
    EvaluationJobOptions options = tinyBertEvaluation(fixture, "hf-bf16");
    options.precision = model::MatmulPrecision::Bf16;
    auto outcome = runEvaluation(options, {}, {});
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;

    // By hand: the scorer in either precision. bf16 embeddings give other cosines (within
    // bfloat16 rounding), and the job's cells are those of the bf16 scorer.
    const BertByHand byHand(options.model.folder, options.dataDir);
    EncoderScorerOptions bf16;
    bf16.precision = model::MatmulPrecision::Bf16;
    const std::vector<float> fp32Scores = firstPoolScores(*byHand.scorer({}), byHand.suite);
    const std::vector<float> bf16Scores = firstPoolScores(*byHand.scorer(bf16), byHand.suite);
    float largest = 0.0f;
    for (std::size_t i = 0; i < fp32Scores.size(); ++i)
        largest = std::max(largest, std::abs(fp32Scores[i] - bf16Scores[i]));
    EXPECT_GT(largest, 1e-5f);
    EXPECT_LT(largest, 0.05f);
    expectSameCells(outcome.value().evaluations[0], byHand.evaluate(bf16));

    // The request records the precision, and the rankings regenerate from it.
    store::ExperimentStore store = store::ExperimentStore::open(fixture.database()).value();
    const auto request = nlohmann::json::parse(store.runs().get(1).value().configJson);
    EXPECT_EQ(request.at("precision"), "bf16");
    TrecExportOptions trec;
    trec.outDir = (fixture.root() / "trec").string();
    auto exported = exportTrecRuns(store, {1}, trec, {}, {});
    ASSERT_TRUE(exported.ok()) << exported.error().message;
}

}  // namespace
}  // namespace mtrec::experiment
