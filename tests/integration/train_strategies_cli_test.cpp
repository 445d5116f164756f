// Every batch strategy trains from `mtrec train` on the tiny three-language corpus: the loss falls
// and the telemetry stored for each step is the mix the strategy promises (DESIGN.md §2).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <numeric>
#include <vector>

#include "cli_runner.h"
#include "store/experiment_store.h"
#include "test_support.h"
#include "train_fixture.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kSteps = 40;
constexpr std::int64_t kBatch = 8;

/// One step's telemetry rows (a batch logs one row per language pair it holds).
using StepRows = std::map<std::int64_t, std::vector<store::BatchTelemetry>>;

struct TrainedRun {
    std::vector<store::StepMetric> steps;
    StepRows telemetry;
};

std::int64_t pairsOf(const std::vector<store::BatchTelemetry>& rows, bool monolingual) {
    std::int64_t pairs = 0;
    for (const auto& row : rows)
        if (row.queryLang && row.candLang && (*row.queryLang == *row.candLang) == monolingual)
            pairs += row.pairs;
    return pairs;
}

double meanLoss(const std::vector<store::StepMetric>& steps, std::size_t from, std::size_t to) {
    double sum = 0.0;
    for (std::size_t i = from; i < to; ++i) sum += steps[i].loss;
    return sum / static_cast<double>(to - from);
}

class TrainStrategies : public ::testing::Test {
protected:
    void SetUp() override { writeTinyQaCorpus(dir_.path() / "qa"); }

    /// Line-parallel German/English sentences for the translation-ranking task.
    nlohmann::json writeParallelSentences() {
        const std::vector<std::pair<std::string, std::string>> lines = {
            {"Der Hund schläft.", "The dog sleeps."},
            {"Die Katze isst.", "The cat eats."},
            {"Das Haus ist rot.", "The house is red."},
            {"Der Baum ist hoch.", "The tree is tall."},
            {"Ich lese ein Buch.", "I read a book."},
            {"Wir gehen nach Hause.", "We go home."},
            {"Es regnet heute.", "It rains today."},
            {"Das Wasser ist kalt.", "The water is cold."},
            {"Er trinkt Kaffee.", "He drinks coffee."},
            {"Sie singt ein Lied.", "She sings a song."}};
        std::ofstream de(dir_.path() / "tatoeba.de"), en(dir_.path() / "tatoeba.en");
        for (const auto& [german, english] : lines) {
            de << german << '\n';
            en << english << '\n';
        }
        return nlohmann::json::array({{{"query", (dir_.path() / "tatoeba.de").string()},
                                       {"passage", (dir_.path() / "tatoeba.en").string()},
                                       {"query_lang", "de"},
                                       {"passage_lang", "en"}}});
    }

    TrainedRun train(const nlohmann::json& strategy, nlohmann::json config) {
        config["strategy"] = strategy;
        config["strategy"]["batch_size"] = kBatch;
        config["name"] = "tiny-" + strategy["name"].get<std::string>();
        config["evaluation"] = nlohmann::json::array();
        const fs::path file = dir_.write("config.json", config.dump(2));
        const auto result = runMtrec({"train", "--config", file.string(), "--db", db_.string(),
                                      "--out", (dir_.path() / "out").string()});
        EXPECT_EQ(result.exitCode, 0) << result.output;
        auto store = store::ExperimentStore::open(db_.string());
        if (!store) throw std::runtime_error(store.error().message);
        TrainedRun run;
        run.steps = store.value().trainingLog().steps(1).value();
        std::vector<store::BatchTelemetry> rows = store.value().trainingLog().telemetry(1).value();
        for (store::BatchTelemetry& row : rows) run.telemetry[row.step].push_back(std::move(row));
        return run;
    }

    nlohmann::json config() const { return tinyTrainingConfig(dir_.path() / "qa"); }

    /// Every step logged, every batch of kBatch pairs, and the loss of the last ten steps below
    /// `fraction` of the first ten's.
    static void expectTrainedWithFallingLoss(const TrainedRun& run, double fraction) {
        ASSERT_EQ(run.steps.size(), static_cast<std::size_t>(kSteps));
        ASSERT_EQ(run.telemetry.size(), static_cast<std::size_t>(kSteps));
        for (const auto& [step, rows] : run.telemetry)
            EXPECT_EQ(pairsOf(rows, true) + pairsOf(rows, false), kBatch) << "step " << step;
        const double first = meanLoss(run.steps, 0, 10), last = meanLoss(run.steps, 30, 40);
        EXPECT_LT(last, fraction * first) << "first ten " << first << ", last ten " << last;
    }

    TempDir dir_;
    fs::path db_ = dir_.path() / "experiments.db";
};

TEST_F(TrainStrategies, MonoBatchesHoldOneLanguageEach) {
    const TrainedRun run = train({{"name", "mono"}}, config());
    expectTrainedWithFallingLoss(run, 0.7);
    std::map<std::string, int> batchesPerLanguage;
    for (const auto& [step, rows] : run.telemetry) {
        ASSERT_EQ(rows.size(), 1u) << "step " << step;
        EXPECT_EQ(rows[0].branch, "mono");
        ASSERT_TRUE(rows[0].queryLang && rows[0].candLang);
        EXPECT_EQ(*rows[0].queryLang, *rows[0].candLang) << "step " << step;
        ++batchesPerLanguage[*rows[0].queryLang];
    }
    // Uniform over en, de, es: each language's count is Binomial(40, 1/3), 13.3 ± 3.0.
    EXPECT_EQ(batchesPerLanguage.size(), 3u);
    for (const auto& [language, batches] : batchesPerLanguage) EXPECT_GE(batches, 5) << language;
}

TEST_F(TrainStrategies, CrossBatchesHoldOnlyPairsOfTwoLanguages) {
    const TrainedRun run = train({{"name", "cross"}}, config());
    expectTrainedWithFallingLoss(run, 0.8);
    for (const auto& [step, rows] : run.telemetry) {
        EXPECT_EQ(pairsOf(rows, true), 0) << "step " << step;
        for (const auto& row : rows) EXPECT_EQ(row.branch, "cross");
    }
}

TEST_F(TrainStrategies, MultitaskRoundRobinCyclesItsThreeTasks) {
    nlohmann::json base = config();
    base["data"]["parallel_sentences"] = writeParallelSentences();
    const TrainedRun run = train(
        {{"name", "multitask"},
         {"schedule", "round_robin"},
         {"tasks", {{{"name", "mono_qa"}}, {{"name", "cross_qa"}}, {{"name", "translation"}}}}},
        base);
    ASSERT_EQ(run.steps.size(), static_cast<std::size_t>(kSteps));
    const std::vector<std::string> cycle = {"mono_qa", "cross_qa", "translation"};
    for (const auto& [step, rows] : run.telemetry) {
        const std::string& task = cycle[static_cast<std::size_t>(step - 1) % cycle.size()];
        for (const auto& row : rows) EXPECT_EQ(row.task, task) << "step " << step;
        if (task == "mono_qa") { EXPECT_EQ(pairsOf(rows, false), 0) << "step " << step; }
        if (task == "cross_qa") { EXPECT_EQ(pairsOf(rows, true), 0) << "step " << step; }
        if (task == "translation") {
            ASSERT_EQ(rows.size(), 1u);
            EXPECT_EQ(rows[0].queryLang.value_or(""), "de");
            EXPECT_EQ(rows[0].candLang.value_or(""), "en");
        }
    }
    // Each task's own loss falls: compare its first three batches with its last three.
    for (std::size_t t = 0; t < cycle.size(); ++t) {
        double first = 0.0, last = 0.0;
        for (std::size_t k = 0; k < 3; ++k) {
            first += run.steps[t + 3 * k].loss;
            last += run.steps[t + 3 * (10 + k)].loss;
        }
        EXPECT_LT(last, first) << cycle[t];
    }
}

TEST_F(TrainStrategies, EqualQaBudgetGivesTheQaTasksAllTheStepsAndTranslationOnTop) {
    nlohmann::json base = config();
    base["data"]["parallel_sentences"] = writeParallelSentences();
    const TrainedRun run = train({{"name", "multitask"}, {"equal_qa_budget", true}}, base);
    // 40 QA steps (20 mono_qa, 20 cross_qa) and 20 translation steps between them.
    ASSERT_EQ(run.steps.size(), static_cast<std::size_t>(kSteps + kSteps / 2));
    const auto shown = runMtrec({"runs", "show", "1", "--db", db_.string()});
    ASSERT_EQ(shown.exitCode, 0) << shown.output;
    for (const char* task : {"mono/mono_qa", "cross/cross_qa", "translation/translation"})
        EXPECT_NE(shown.output.find(std::string(task) + ": 20 steps, " +
                                    std::to_string(20 * kBatch) + " pairs"),
                  std::string::npos)
            << task << "\n" << shown.output;
}

TEST_F(TrainStrategies, MixedBatchesHoldTheAskedShareOfMonoPairs) {
    const TrainedRun run = train({{"name", "mixed"}, {"alpha", 0.25}}, config());
    expectTrainedWithFallingLoss(run, 0.8);
    // alpha · B = 2 mono pairs in every batch of 8 (round(2(k+1)) − round(2k) = 2).
    for (const auto& [step, rows] : run.telemetry)
        EXPECT_EQ(pairsOf(rows, true), 2) << "step " << step;
}

}  // namespace
}  // namespace mtrec::test
