// End-to-end tests of `mtrec train`: a tiny three-language corpus trains through the CLI, lands in
// the database with its telemetry and results, and writes its checkpoint and CSV files; bad configs
// are refused with every problem listed; failures and Ctrl-C end the run as failed or cancelled.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <numeric>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "cli_runner.h"
#include "store/experiment_store.h"
#include "test_support.h"
#include "train_fixture.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;

fs::path writeConfig(const TempDir& dir, const nlohmann::json& config,
                     const std::string& name = "config.json") {
    return dir.write(name, config.dump(2));
}

store::ExperimentStore openReadOnly(const fs::path& db) {
    store::StoreOptions options;
    options.mode = store::OpenMode::ReadOnly;
    auto store = store::ExperimentStore::open(db.string(), options);
    if (!store) throw std::runtime_error(store.error().message);
    return std::move(store).value();
}

double mean(const std::vector<store::StepMetric>& steps, std::size_t from, std::size_t to) {
    double sum = 0.0;
    for (std::size_t i = from; i < to; ++i) sum += steps[i].loss;
    return sum / static_cast<double>(to - from);
}

/// (query_lang, cand_lang, setting, metric) -> value of pairs.csv.
std::map<std::string, double> pairsCsv(const fs::path& file) {
    std::map<std::string, double> values;
    const auto rows = readCsv(file.string());
    for (std::size_t i = 1; i < rows.size(); ++i)
        values[rows[i][1] + "-" + rows[i][2] + " " + rows[i][3] + " " + rows[i][4]] =
            std::stod(rows[i][5]);
    return values;
}

class TrainCli : public ::testing::Test {
protected:
    void SetUp() override { writeTinyQaCorpus(dir_.path() / "qa"); }

    TempDir dir_;
    fs::path db_ = dir_.path() / "experiments.db";
    fs::path out_ = dir_.path() / "out";
};

TEST_F(TrainCli, TinyConfigTrainsEvaluatesAndLandsInTheDatabase) {
    const fs::path config = writeConfig(dir_, tinyTrainingConfig(dir_.path() / "qa"));
    const auto result = runMtrec(
        {"train", "--config", config.string(), "--db", db_.string(), "--out", out_.string()});
    ASSERT_EQ(result.exitCode, 0) << result.output;
    // Piped, progress comes as plain lines: the first step and every 2 steps (5 % of 40).
    EXPECT_NE(result.output.find("step 1/40 loss "), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("step 40/40 loss "), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("run 1 finished after 40 steps"), std::string::npos);
    // The run's notes as they are made, before the first step.
    const std::size_t dataNote = result.output.find("note: training data: ");
    EXPECT_NE(dataNote, std::string::npos) << result.output;
    EXPECT_LT(dataNote, result.output.find("step 1/40 loss ")) << result.output;

    store::ExperimentStore store = openReadOnly(db_);
    const store::RunRecord run = store.runs().get(1).value();
    EXPECT_EQ(run.status, store::RunStatus::Finished);
    EXPECT_EQ(run.name, "tiny-hybrid");
    EXPECT_EQ(run.strategy, "hybrid");
    EXPECT_EQ(run.seed, 7);
    EXPECT_EQ(run.checkpointPath.value_or(""), (out_ / "checkpoints" / "step-00000040").string());
    // The stored config is the file's, with its paths made absolute.
    const auto stored = nlohmann::json::parse(run.configJson);
    EXPECT_EQ(stored["data"]["parallel_qa"]["folder"], (dir_.path() / "qa").string());
    EXPECT_EQ(stored["strategy"]["alpha"], 0.5);

    // Every step logged once, and the loss falls.
    const auto steps = store.trainingLog().steps(1).value();
    ASSERT_EQ(steps.size(), 40u);
    for (std::size_t i = 0; i < steps.size(); ++i) EXPECT_EQ(steps[i].step, std::int64_t(i + 1));
    EXPECT_LT(mean(steps, 30, 40), 0.7 * mean(steps, 0, 10))
        << "first ten " << mean(steps, 0, 10) << ", last ten " << mean(steps, 30, 40);
    // 20 groups x 9 language pairs = 180 pairs: 23 batches of 8 make an epoch.
    EXPECT_DOUBLE_EQ(steps[39].epoch, 40.0 / 23.0);

    // Telemetry: every step is mono (one language, 8 pairs) or cross; alpha 0.5 over 40 batches.
    std::int64_t mono = 0, cross = 0;
    const auto branches = store.trainingLog().branchMix(1).value();
    for (const auto& mix : branches) {
        if (mix.branch == "mono") mono = mix.steps;
        if (mix.branch == "cross") cross = mix.steps;
    }
    EXPECT_EQ(mono + cross, 40);
    EXPECT_GE(mono, 10);
    EXPECT_LE(mono, 30);
    const auto telemetry = store.trainingLog().telemetry(1).value();
    for (const auto& row : telemetry) {
        ASSERT_TRUE(row.queryLang && row.candLang);
        EXPECT_EQ(row.branch == "mono", *row.queryLang == *row.candLang) << row.step;
        if (row.branch == "mono") {
            EXPECT_EQ(row.pairs, 8);
        }
    }

    // The output folder: checkpoint, tokenizer, the CSV files of `mtrec eval`.
    EXPECT_TRUE(fs::exists(out_ / "checkpoints" / "latest"));
    EXPECT_TRUE(fs::exists(out_ / "checkpoints" / "step-00000040" / "encoder.pt"));
    EXPECT_TRUE(fs::exists(out_ / "tokenizer.model"));
    for (const char* file : {"stats.csv", "summary.csv", "pairs.csv", "per_query.csv", "bias.csv"})
        EXPECT_TRUE(fs::exists(out_ / file)) << file;
    const auto stats = readCsv((out_ / "stats.csv").string());
    ASSERT_EQ(stats.size(), 4u);  // header + en, de, es (suite order)
    for (std::size_t i = 1; i < stats.size(); ++i) {
        EXPECT_EQ(stats[i][0], "mlqa-r");
        EXPECT_EQ(stats[i][2], "20");  // questions
        EXPECT_EQ(stats[i][3], "40");  // two sentences per paragraph
    }
    // The database holds the numbers the CSV files hold.
    const auto pairs = pairsCsv(out_ / "pairs.csv");
    const auto cells = store.results().matrix(1, "mlqa-r", eval::Metric::Map).value();
    std::size_t compared = 0;
    for (const auto& cell : cells) {
        const std::string key = cell.key.queryLang + "-" + cell.key.candLang + " " +
                                std::string(eval::settingName(cell.key.setting)) + " map";
        if (!pairs.count(key)) continue;
        EXPECT_NEAR(cell.value, pairs.at(key), 1e-9) << key;  // the CSV keeps 10 digits
        ++compared;
    }
    EXPECT_EQ(compared, 9u + 3u);  // 3 Mo + 6 Cr cells, 3 Mul cells
}

TEST_F(TrainCli, ZeroStepsEvaluatesTheUntrainedEncoder) {
    nlohmann::json config = tinyTrainingConfig(dir_.path() / "qa");
    config["optimizer"]["steps"] = 0;  // warm-up (4) longer than the run is no problem here
    const fs::path file = writeConfig(dir_, config);
    const auto result = runMtrec(
        {"train", "--config", file.string(), "--db", db_.string(), "--out", out_.string()});
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("run 1 finished after 0 steps"), std::string::npos)
        << result.output;
    store::ExperimentStore store = openReadOnly(db_);
    const store::RunRecord run = store.runs().get(1).value();
    EXPECT_EQ(run.status, store::RunStatus::Finished);
    EXPECT_EQ(run.checkpointPath.value_or(""), (out_ / "checkpoints" / "step-00000000").string());
    EXPECT_TRUE(store.trainingLog().steps(1).value().empty());
    const auto cells = store.results().matrix(1, "mlqa-r", eval::Metric::Map).value();
    EXPECT_EQ(cells.size(), 9u + 3u + 3u);  // pairs, Mul per language, Mo/Cr/Mul averages
    for (const auto& cell : cells) {
        EXPECT_GT(cell.value, 0.0);
        EXPECT_LE(cell.value, 1.0);
    }
}

TEST_F(TrainCli, KeepCheckpointsLeavesThatManyStepCheckpointsForALearningCurve) {
    nlohmann::json config = tinyTrainingConfig(dir_.path() / "qa");
    config["optimizer"]["steps"] = 20;
    config["optimizer"]["checkpoint_every"] = 5;
    config["optimizer"]["keep_checkpoints"] = 3;
    const fs::path file = writeConfig(dir_, config);
    const auto result = runMtrec(
        {"train", "--config", file.string(), "--db", db_.string(), "--out", out_.string()});
    ASSERT_EQ(result.exitCode, 0) << result.output;
    std::vector<std::string> steps;
    for (const auto& entry : fs::directory_iterator(out_ / "checkpoints"))
        if (entry.path().filename().string().rfind("step-", 0) == 0)
            steps.push_back(entry.path().filename().string());
    std::sort(steps.begin(), steps.end());
    EXPECT_EQ(steps, (std::vector<std::string>{"step-00000010", "step-00000015", "step-00000020"}));
}

TEST_F(TrainCli, ConfigWithSeveralProblemsListsThemAllAndStartsNothing) {
    nlohmann::json config = tinyTrainingConfig(dir_.path() / "qa");
    config["strategy"]["alpha"] = 1.5;
    config["strategy"]["batch_size"] = 1;
    config["optimizer"]["lr"] = -0.1;
    config["optimizer"]["learning_rate"] = 0.1;  // a typo
    config["data"]["parallel_qa"]["folder"] = "no-such-folder";
    config["model"]["heads"] = 3;  // does not divide 32
    const fs::path file = writeConfig(dir_, config);
    const auto result = runMtrec(
        {"train", "--config", file.string(), "--db", db_.string(), "--out", out_.string()});
    EXPECT_EQ(result.exitCode, 1) << result.output;
    for (const char* path : {"$.strategy.alpha", "$.strategy.batch_size", "$.optimizer.lr",
                             "$.optimizer.learning_rate", "$.data.parallel_qa.folder", "$.model"})
        EXPECT_NE(result.output.find(file.string() + ": " + path + ": "), std::string::npos)
            << path << " missing in:\n"
            << result.output;
    EXPECT_NE(result.output.find("heads (3) must divide hidden_size (32)"), std::string::npos);
    EXPECT_NE(result.output.find("nothing was started"), std::string::npos);
    EXPECT_FALSE(fs::exists(db_));
    EXPECT_FALSE(fs::exists(out_));
}

TEST_F(TrainCli, ConfigThatIsNotJsonNamesTheLine) {
    const fs::path file = dir_.write("broken.json", "{\n  \"version\": 1,\n  \"name\": \n}\n");
    const auto result = runMtrec({"train", "--config", file.string(), "--db", db_.string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.output.find(file.string() + ":4:"), std::string::npos) << result.output;
    EXPECT_FALSE(fs::exists(db_));
}

TEST_F(TrainCli, HelpListsTheOptions) {
    const auto train = runMtrec({"train", "--help"});
    EXPECT_EQ(train.exitCode, 0);
    for (const char* option : {"--config", "--db", "--out", "--threads", "runs resume"})
        EXPECT_NE(train.output.find(option), std::string::npos) << option;
    const auto resume = runMtrec({"runs", "resume", "--help"});
    EXPECT_EQ(resume.exitCode, 0);
    EXPECT_NE(resume.output.find("interrupted"), std::string::npos) << resume.output;
}

TEST_F(TrainCli, ABadEvaluationFileFailsTheRunWithItsReason) {
    fs::create_directories(dir_.path() / "broken-suite");
    dir_.write("broken-suite/dev-context-en-question-en.json", "{\"data\": 3}");
    nlohmann::json config = tinyTrainingConfig(dir_.path() / "qa");
    config["optimizer"]["steps"] = 4;
    config["optimizer"]["warmup_steps"] = 0;
    config["evaluation"][0]["data"] = (dir_.path() / "broken-suite").string();
    const auto result = runMtrec({"train", "--config", writeConfig(dir_, config).string(), "--db",
                                  db_.string(), "--out", out_.string()});
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("mtrec: run 1 failed: "), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("dev-context-en-question-en.json"), std::string::npos);

    store::ExperimentStore store = openReadOnly(db_);
    const store::RunRecord run = store.runs().get(1).value();
    EXPECT_EQ(run.status, store::RunStatus::Failed);
    EXPECT_NE(run.errorText.value_or("").find("dev-context-en-question-en.json"),
              std::string::npos);
    EXPECT_EQ(store.trainingLog().steps(1).value().size(), 4u);  // nothing lost
}

TEST_F(TrainCli, ANanLossFailsTheRunNamingTheStep) {
    const fs::path config = writeConfig(dir_, tinyTrainingConfig(dir_.path() / "qa"));
    ::setenv("MTREC_TEST_NAN_AT_STEP", "13", 1);
    const auto result = runMtrec(
        {"train", "--config", config.string(), "--db", db_.string(), "--out", out_.string()});
    ::unsetenv("MTREC_TEST_NAN_AT_STEP");
    EXPECT_EQ(result.exitCode, 1) << result.output;
    store::ExperimentStore store = openReadOnly(db_);
    const store::RunRecord run = store.runs().get(1).value();
    EXPECT_EQ(run.status, store::RunStatus::Failed);
    const std::string reason = run.errorText.value_or("");
    EXPECT_NE(reason.find("13"), std::string::npos) << reason;
    EXPECT_NE(reason.find("nan"), std::string::npos) << reason;
    EXPECT_NE(result.output.find("mtrec: run 1 failed: " + reason), std::string::npos)
        << result.output;
    EXPECT_EQ(store.trainingLog().steps(1).value().size(), 12u);  // steps before the NaN kept
}

TEST_F(TrainCli, InterruptCancelsTheRunAndKeepsItsCheckpoint) {
    nlohmann::json config = tinyTrainingConfig(dir_.path() / "qa");
    config["optimizer"]["steps"] = 200000;
    config["optimizer"]["checkpoint_every"] = 5;
    const fs::path file = writeConfig(dir_, config);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        std::freopen((dir_.path() / "log.txt").c_str(), "w", stderr);
        std::freopen((dir_.path() / "out.txt").c_str(), "w", stdout);
        ::execl(MTREC_EXECUTABLE, "mtrec", "train", "--config", file.c_str(), "--db", db_.c_str(),
                "--out", out_.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int status = 0;
    while (!fs::exists(out_ / "checkpoints" / "latest") &&
           std::chrono::steady_clock::now() < deadline) {
        ASSERT_EQ(::waitpid(child, &status, WNOHANG), 0)
            << "mtrec ended before its first checkpoint";
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(::kill(child, SIGINT), 0);
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    std::ifstream log(dir_.path() / "log.txt");
    const std::string output((std::istreambuf_iterator<char>(log)), {});
    ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status) << "\n" << output;
    EXPECT_EQ(WEXITSTATUS(status), 1);
    EXPECT_NE(output.find("mtrec: run 1 cancelled after step "), std::string::npos) << output;

    store::ExperimentStore store = openReadOnly(db_);
    const store::RunRecord run = store.runs().get(1).value();
    EXPECT_EQ(run.status, store::RunStatus::Cancelled);
    // The checkpoint written at the cancel is the run's; every step up to it is logged.
    ASSERT_TRUE(run.checkpointPath.has_value());
    EXPECT_TRUE(fs::exists(fs::path(*run.checkpointPath) / "encoder.pt")) << *run.checkpointPath;
    const auto steps = store.trainingLog().steps(1).value();
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(fs::path(*run.checkpointPath).filename().string(),
              "step-" + std::string(8 - std::to_string(steps.back().step).size(), '0') +
                  std::to_string(steps.back().step));
}

// The tiny corpus evaluates on itself: refused by `mtrec train` and `mtrec eval` unless allowed,
// and once allowed, marked wherever the run is shown.
TEST_F(TrainCli, EvaluatingOnTheTrainingDataIsRefusedUnlessAllowedAndThenMarked) {
    nlohmann::json config = tinyTrainingConfig(dir_.path() / "qa");
    config["optimizer"]["steps"] = 4;
    config["evaluation"][0].erase("allow_overlap");
    const fs::path refusedConfig = writeConfig(dir_, config, "refused.json");
    const auto refused = runMtrec({"train", "--config", refusedConfig.string(), "--db",
                                   db_.string(), "--out", out_.string()});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.output.find(refusedConfig.string() +
                                  ": $.evaluation[0]: mlqa-r: 20 of 20 questions and 60 of 120 "
                                  "passages also occur in the training data ("),
              std::string::npos)
        << refused.output;
    EXPECT_NE(refused.output.find("; set allow_overlap to evaluate anyway\n"), std::string::npos);
    EXPECT_NE(refused.output.find("nothing was started"), std::string::npos);
    EXPECT_FALSE(fs::exists(db_)) << "no run recorded";
    EXPECT_FALSE(fs::exists(out_)) << "no run folder";

    config["evaluation"][0]["allow_overlap"] = true;
    const auto trained = runMtrec({"train", "--config", writeConfig(dir_, config).string(), "--db",
                                   db_.string(), "--out", out_.string()});
    ASSERT_EQ(trained.exitCode, 0) << trained.output;
    const std::string marker = "mlqa-r [contaminated: 20 shared questions, 60 shared passages]";
    const auto shown = runMtrec({"runs", "show", "1", "--db", db_.string()});
    ASSERT_EQ(shown.exitCode, 0) << shown.output;
    EXPECT_NE(shown.output.find("  overlap     " + marker + ": 20 of 20 questions"),
              std::string::npos)
        << shown.output;
    EXPECT_NE(shown.output.find("\n" + marker + "\nmlqa-r summary"), std::string::npos)
        << shown.output;
    const auto listed = runMtrec({"runs", "list", "--db", db_.string()});
    EXPECT_NE(listed.output.find("! contaminated (evaluated on data shared with the run's "
                                 "training data): run 1 mlqa-r: 20 shared questions, 60 shared "
                                 "passages"),
              std::string::npos)
        << listed.output;
    const auto csv = runMtrec({"runs", "list", "--db", db_.string(), "--format", "csv"});
    EXPECT_NE(csv.output.find(",contaminated\r\n"), std::string::npos) << csv.output;
    EXPECT_NE(csv.output.find(",\"mlqa-r: 20 shared questions, 60 shared passages\"\r\n"),
              std::string::npos)
        << csv.output;

    // `mtrec eval` on the run's model reads its config.json and refuses the same suite...
    const std::vector<std::string> eval = {
        "eval",     "--suite", "mlqa-r",     "--data",      (dir_.path() / "qa").string(),
        "--scorer", "dense",   "--model",    out_.string(), "--max-length",
        "32",       "--db",    db_.string(), "--out"};
    std::vector<std::string> refusedEval = eval;
    refusedEval.push_back((dir_.path() / "eval-refused").string());
    const auto evalRefused = runMtrec(refusedEval);
    EXPECT_EQ(evalRefused.exitCode, 1);
    EXPECT_NE(evalRefused.output.find("mlqa-r: 20 of 20 questions and 60 of 120 passages also "
                                      "occur in the training data ("),
              std::string::npos)
        << evalRefused.output;
    EXPECT_NE(evalRefused.output.find("; pass --allow-overlap to evaluate anyway"),
              std::string::npos);
    EXPECT_FALSE(fs::exists(dir_.path() / "eval-refused"));
    // ... and, allowed, records run 2 as contaminated.
    std::vector<std::string> allowedEval = eval;
    allowedEval.insert(allowedEval.end(), {(dir_.path() / "eval").string(), "--allow-overlap"});
    const auto evalAllowed = runMtrec(allowedEval);
    ASSERT_EQ(evalAllowed.exitCode, 0) << evalAllowed.output;
    EXPECT_NE(evalAllowed.output.find(marker + ": not zero-shot, 20 of 20 questions"),
              std::string::npos)
        << evalAllowed.output;
    store::ExperimentStore store = openReadOnly(db_);
    EXPECT_EQ(store.runs().get(2).value().contaminated.at(0).marker(), marker);
}

}  // namespace
}  // namespace mtrec::test
