// End-to-end tests of `mtrec runs export --format trec`: the rankings of a recorded run are
// regenerated from its stored config and evaluated model, and the TREC-form evaluator run on the
// exported .run/.qrels gives back exactly the metrics the database stored for the same cells —
// which is what proves the files are the rankings that were evaluated. Missing pieces (an unknown
// run, a deleted checkpoint, a moved data folder, a failed run) end with a message naming them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>

#include "cli_runner.h"
#include "data/trec_files.h"
#include "eval/trec_evaluator.h"
#include "store/experiment_store.h"
#include "test_support.h"
#include "train_fixture.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;

/// A database holding run 1, a tiny training run with validation (so it evaluated its best
/// model, not its last checkpoint), and run 2, BM25 on the same corpus recorded by `mtrec eval
/// --db`. Built once: training takes seconds.
class TrecExportCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        writeTinyQaCorpus(qa());
        nlohmann::json config = tinyTrainingConfig(qa());
        config["data"]["validation"] = {{"fraction", 0.2}};
        config["optimizer"]["eval_every"] = 10;
        const fs::path file = dir_->write("config.json", config.dump(2));
        trainOutput_ = runMtrec({"train", "--config", file.string(), "--db", db().string(), "--out",
                                 (root() / "train").string()});
        bm25Output_ =
            runMtrec({"eval", "--suite", "mlqa-r", "--data", qa().string(), "--out",
                      (root() / "bm25").string(), "--db", db().string(), "--name", "bm25-tiny"});
    }
    static void TearDownTestSuite() { dir_.reset(); }

    void SetUp() override {
        ASSERT_EQ(trainOutput_.exitCode, 0) << trainOutput_.output;
        ASSERT_EQ(bm25Output_.exitCode, 0) << bm25Output_.output;
    }

    static fs::path root() { return dir_->path(); }
    static fs::path qa() { return root() / "qa"; }
    static fs::path db() { return root() / "experiments.db"; }

    static CommandResult exportTrec(std::vector<std::string> ids, const fs::path& out,
                                    const std::string& depth = "all") {
        std::vector<std::string> args = {"runs", "export"};
        args.insert(args.end(), ids.begin(), ids.end());
        args.insert(args.end(), {"--format", "trec", "--out", out.string(), "--depth", depth,
                                 "--db", db().string()});
        return runMtrec(args);
    }

    static std::unique_ptr<TempDir> dir_;
    static CommandResult trainOutput_;
    static CommandResult bm25Output_;
};

std::unique_ptr<TempDir> TrecExportCli::dir_;
CommandResult TrecExportCli::trainOutput_;
CommandResult TrecExportCli::bm25Output_;

/// (setting, query lang, cand lang, metric) -> value the database holds for `suite`.
std::map<std::string, double> storedCells(const fs::path& db, std::int64_t runId,
                                          const std::string& suite) {
    store::StoreOptions options;
    options.mode = store::OpenMode::ReadOnly;
    auto opened = store::ExperimentStore::open(db.string(), options);
    if (!opened) throw std::runtime_error(opened.error().message);
    const auto matrix = opened.value().results().matrix(runId, suite);
    if (!matrix) throw std::runtime_error(matrix.error().message);
    std::map<std::string, double> cells;
    for (const store::EvalCell& cell : matrix.value())
        cells[std::string(eval::settingName(cell.key.setting)) + " " + cell.key.queryLang + "-" +
              cell.key.candLang + " " + std::string(store::measureName(cell.metric))] = cell.value;
    return cells;
}

/// Evaluates every <X>-<pool>.run of `folder` against its .qrels with the TREC-form evaluator and
/// checks each metric against the stored cell (Mo X-X, Cr X-Y, Mul X-all). Returns the pairs seen.
std::size_t expectStoredMetrics(const fs::path& folder, const std::map<std::string, double>& stored,
                                const std::string& runName) {
    std::size_t pairs = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".run") continue;
        const std::string stem = entry.path().stem().string();  // "en-de", "en-all"
        const std::string x = stem.substr(0, stem.find('-')), y = stem.substr(stem.find('-') + 1);
        const std::string setting = y == "all" ? "Mul" : x == y ? "Mo" : "Cr";
        auto qrels =
            data::readTrecQrels(fs::path(entry.path()).replace_extension(".qrels").string());
        auto run = data::readTrecRun(entry.path().string());
        if (!qrels || !run) {
            ADD_FAILURE() << entry.path() << " or its qrels does not read back";
            continue;
        }
        auto evaluated = eval::evaluateRun(qrels.value(), run.value());
        if (!evaluated) {
            ADD_FAILURE() << evaluated.error().message;
            continue;
        }
        for (eval::Metric metric : eval::kAllMetrics) {
            const std::string key =
                setting + " " + x + "-" + y + " " + std::string(eval::trecName(metric));
            if (!stored.count(key)) {
                ADD_FAILURE() << key << " is not stored";
                continue;
            }
            EXPECT_NEAR(evaluated.value().mean[eval::metricIndex(metric)], stored.at(key), 1e-6)
                << key;
        }
        std::ifstream lines(entry.path());
        std::string qid, q0, docno, rank, score, id;
        lines >> qid >> q0 >> docno >> rank >> score >> id;
        EXPECT_EQ(q0, "Q0");
        EXPECT_EQ(rank, "1");
        EXPECT_EQ(id, runName) << entry.path();
        ++pairs;
    }
    return pairs;
}

std::size_t lineCount(const fs::path& file) {
    std::ifstream in(file);
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    return lines;
}

TEST_F(TrecExportCli, TrainedRunReexportsTheRankingsItsStoredMetricsCameFrom) {
    const fs::path out = root() / "export-train";
    const auto result = exportTrec({"1"}, out);
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("checkpoints/best"), std::string::npos)
        << "a run with validation evaluated its best model\n"
        << result.output;
    const fs::path folder = out / "1-tiny-hybrid" / "mlqa-r";
    // 3 languages: 9 Mo/Cr pairs and 3 Mul pools, each with its qrels.
    EXPECT_EQ(expectStoredMetrics(folder, storedCells(db(), 1, "mlqa-r"), "tiny-hybrid"), 12u);
    // Each language: 20 questions, 20 two-sentence paragraphs = 40 candidates; depth all.
    EXPECT_EQ(lineCount(folder / "en-de.run"), 20u * 40u);
    EXPECT_EQ(lineCount(folder / "en-all.run"), 20u * 120u);
    EXPECT_EQ(lineCount(folder / "en-de.qrels"), 20u) << "one relevant passage per question";
}

TEST_F(TrecExportCli, Bm25EvaluationRunReexportsTheSameWay) {
    const fs::path out = root() / "export-bm25";
    const auto result = exportTrec({"2"}, out, "5");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    const fs::path folder = out / "2-bm25-tiny" / "mlqa-r";
    EXPECT_EQ(lineCount(folder / "de-es.run"), 20u * 5u) << "--depth 5";
    const auto all = exportTrec({"2"}, out);  // a second export replaces the first
    ASSERT_EQ(all.exitCode, 0) << all.output;
    EXPECT_EQ(expectStoredMetrics(folder, storedCells(db(), 2, "mlqa-r"), "bm25-tiny"), 12u);
    EXPECT_EQ(lineCount(folder / "de-es.run"), 20u * 40u);
}

TEST_F(TrecExportCli, TwoIdsExportIntoTwoFolders) {
    const fs::path out = root() / "export-both";
    const auto result = exportTrec({"2", "1"}, out, "10");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    std::vector<std::string> folders;
    for (const auto& entry : fs::directory_iterator(out))
        folders.push_back(entry.path().filename().string());
    std::sort(folders.begin(), folders.end());
    EXPECT_EQ(folders, (std::vector<std::string>{"1-tiny-hybrid", "2-bm25-tiny"}));
    for (const std::string& folder : folders) {
        EXPECT_TRUE(fs::exists(out / folder / "mlqa-r" / "es-all.run")) << folder;
        EXPECT_TRUE(fs::exists(out / folder / "mlqa-r" / "es-all.qrels")) << folder;
        EXPECT_EQ(lineCount(out / folder / "mlqa-r" / "es-all.run"), 20u * 10u) << folder;
    }
    EXPECT_NE(result.output.find("wrote " + (out / "1-tiny-hybrid").string() + " (24 TREC files)"),
              std::string::npos)
        << result.output;
    // The tiny run trained on the suite it evaluates (allow_overlap): its folder says so.
    const fs::path note = out / "1-tiny-hybrid" / "mlqa-r" / "CONTAMINATED.txt";
    EXPECT_NE(result.output.find("  ! " + note.string() + ": that suite shares data"),
              std::string::npos)
        << result.output;
    EXPECT_TRUE(fs::exists(note));
    EXPECT_FALSE(fs::exists(out / "2-bm25-tiny" / "mlqa-r" / "CONTAMINATED.txt"));
}

/// Renames `from` to `to` for the scope of a test.
class MovedAway {
public:
    MovedAway(fs::path from, fs::path to) : from_(std::move(from)), to_(std::move(to)) {
        fs::rename(from_, to_);
    }
    ~MovedAway() { fs::rename(to_, from_); }

private:
    fs::path from_, to_;
};

TEST_F(TrecExportCli, UnknownRunIsRefused) {
    const fs::path out = root() / "export-unknown";
    const auto result = exportTrec({"1", "99"}, out);
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("99"), std::string::npos) << result.output;
    EXPECT_FALSE(fs::exists(out / "1-tiny-hybrid")) << "every run is checked before any is written";
}

TEST_F(TrecExportCli, DeletedCheckpointIsNamed) {
    const fs::path checkpoints = root() / "train" / "checkpoints";
    const MovedAway moved(checkpoints, root() / "checkpoints-elsewhere");
    const fs::path out = root() / "export-no-checkpoint";
    const auto result = exportTrec({"1"}, out);
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("run 1 (tiny-hybrid): its checkpoint " +
                                 (checkpoints / "step-00000040").string() + " is missing"),
              std::string::npos)
        << result.output;
    EXPECT_FALSE(fs::exists(out / "1-tiny-hybrid")) << result.output;
}

TEST_F(TrecExportCli, OtherWeightsInPlaceOfTheBestModelAreRefused) {
    // The best model swapped for a checkpoint of another step: the export must notice that these
    // are not the rankings that were evaluated (and so proves it ranks with `best`).
    const fs::path checkpoints = root() / "train" / "checkpoints";
    std::ifstream stateFile(checkpoints / "step-00000040" / "trainer_state.json");
    const auto state = nlohmann::json::parse(stateFile);
    const auto bestStep = state.at("best_validation_step").get<std::size_t>();
    fs::path other;
    for (const auto& entry : fs::directory_iterator(checkpoints))
        if (entry.path().filename().string().rfind("step-", 0) == 0 &&
            std::stoul(entry.path().filename().string().substr(5)) != bestStep)
            other = entry.path();
    ASSERT_FALSE(other.empty()) << "best at step " << bestStep;
    const MovedAway moved(checkpoints / "best", root() / "best-elsewhere");
    fs::create_directories(checkpoints / "best");
    for (const char* file : {"encoder.json", "encoder.pt"})
        fs::copy_file(other / file, checkpoints / "best" / file);
    const fs::path out = root() / "export-swapped";
    const auto result = exportTrec({"1"}, out);
    fs::remove_all(checkpoints / "best");
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("run 1 (tiny-hybrid): the regenerated rankings do not reproduce "
                                 "the stored results"),
              std::string::npos)
        << result.output;
    EXPECT_TRUE(!fs::exists(out) || fs::is_empty(out)) << "no partial folder left";
}

TEST_F(TrecExportCli, MovedDataFolderIsNamed) {
    const MovedAway moved(qa(), root() / "qa-elsewhere");
    const fs::path out = root() / "export-no-data";
    const auto result = exportTrec({"2"}, out);
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("run 2 (bm25-tiny): the mlqa-r data folder " + qa().string() +
                                 " is missing"),
              std::string::npos)
        << result.output;
    EXPECT_FALSE(fs::exists(out / "2-bm25-tiny")) << result.output;
}

TEST_F(TrecExportCli, ChangedDataIsRefusedWithNothingWritten) {
    // BM25 over a copy of the corpus whose Spanish file then becomes the English one: the
    // rankings come out different from the evaluated ones, so nothing is exported.
    const fs::path copy = root() / "qa-copy";
    fs::copy(qa(), copy);
    const fs::path db2 = root() / "changed.db";
    ASSERT_EQ(runMtrec({"eval", "--suite", "mlqa-r", "--data", copy.string(), "--out",
                        (root() / "bm25-copy").string(), "--db", db2.string(), "--name", "copy"})
                  .exitCode,
              0);
    fs::copy_file(copy / "dev-context-en-question-en.json",
                  copy / "dev-context-es-question-es.json", fs::copy_options::overwrite_existing);
    const fs::path out = root() / "export-changed";
    const auto result = runMtrec(
        {"runs", "export", "1", "--format", "trec", "--out", out.string(), "--db", db2.string()});
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("run 1 (copy): the regenerated rankings do not reproduce the "
                                 "stored results"),
              std::string::npos)
        << result.output;
    EXPECT_FALSE(fs::exists(out / "1-copy")) << result.output;
    EXPECT_TRUE(!fs::exists(out) || fs::is_empty(out)) << "no partial folder left";
}

TEST_F(TrecExportCli, FailedRunIsRefused) {
    const fs::path config = dir_->write("nan.json", tinyTrainingConfig(qa()).dump(2));
    const fs::path db2 = root() / "failed.db";
    ::setenv("MTREC_TEST_NAN_AT_STEP", "3", 1);
    const auto trained = runMtrec({"train", "--config", config.string(), "--db", db2.string(),
                                   "--out", (root() / "nan").string()});
    ::unsetenv("MTREC_TEST_NAN_AT_STEP");
    ASSERT_EQ(trained.exitCode, 1) << trained.output;
    const fs::path out = root() / "export-failed";
    const auto result = runMtrec(
        {"runs", "export", "1", "--format", "trec", "--out", out.string(), "--db", db2.string()});
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("run 1 (tiny-hybrid) failed ("), std::string::npos)
        << result.output;
    EXPECT_NE(result.output.find("only a finished run has evaluated rankings to export"),
              std::string::npos)
        << result.output;
    EXPECT_FALSE(fs::exists(out / "1-tiny-hybrid")) << result.output;
}

TEST_F(TrecExportCli, BadDepthIsRefused) {
    const auto result = exportTrec({"2"}, root() / "export-depth", "0");
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("--depth must be a positive number or 'all', got '0'"),
              std::string::npos)
        << result.output;
}

}  // namespace
}  // namespace mtrec::test
