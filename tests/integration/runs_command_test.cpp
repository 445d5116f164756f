#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "cli/exit_error.h"
#include "cli/runs_command.h"
#include "store_test_support.h"

namespace mtrec::cli {
namespace {

namespace fs = std::filesystem;
using mtrec::test::TempDir;
using namespace mtrec::store;

struct CliResult {
    int code = 0;
    std::string out;
    std::string err;
};

/// Runs `mtrec <commandLine>` with the runs command only, as main() would.
CliResult runCli(const std::string& commandLine) {
    CLI::App app{"test", "mtrec"};
    app.require_subcommand(1);
    std::ostringstream out;
    addRunsCommand(app, out);
    try {
        app.parse(commandLine, false);
        return {0, out.str(), ""};
    } catch (const CLI::ParseError& e) {
        std::ostringstream helpOut, errOut;
        const int code = app.exit(e, helpOut, errOut);
        return {code, out.str() + helpOut.str(), errOut.str()};
    } catch (const ExitError& e) {
        return {1, out.str(), e.what()};
    }
}

class RunsCommand : public ::testing::Test {
protected:
    void SetUp() override {
        path_ = (dir_.path() / "e.db").string();
        ExperimentStore store = store::test::openStore(path_);
        const std::int64_t a = store::test::addRun(store, "multitask", "multitask", 1,
                                                   R"({"strategy":"multitask","seed":1})");
        const std::int64_t b =
            store::test::addRun(store, "hybrid", "hybrid", 1, R"({"strategy":"hybrid","seed":1})");
        for (auto [id, shift] : {std::pair<std::int64_t, double>{a, 0.0}, {b, 0.25}}) {
            std::vector<PerQueryValue> values;
            for (int q = 0; q < 12; ++q)
                values.push_back(store::test::perQuery("Mo", "de", "de", "q" + std::to_string(q),
                                                       0.05 * q + shift));
            ASSERT_TRUE(
                store.results().record(id,
                                       {store::test::cell("Mo", "de", "de", 0.275 + shift),
                                        store::test::cell("Mo", "all", "all", 0.275 + shift),
                                        store::test::cell("Cr", "all", "all", 0.125 + shift)},
                                       values));
        }
        ASSERT_TRUE(store.runs().addTag(b, "paper"));
    }
    std::string db() const { return "runs --db " + path_ + " "; }

    TempDir dir_;
    std::string path_;
};

TEST_F(RunsCommand, ListPrintsATableWithTheSettingSummaries) {
    const CliResult r = runCli(db() + "list");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out,
              "Runs (map per setting)\n"
              "ID  Name       Strategy   Seed  Status  Tags   xquad-r Mo  xquad-r Cr\n"
              " 1  multitask  multitask     1  queued             0.2750      0.1250\n"
              " 2  hybrid     hybrid        1  queued  paper      0.5250      0.3750\n");
}

TEST_F(RunsCommand, ListAsCsvAndJson) {
    const CliResult csv = runCli(db() + "list --format csv --sort name");
    ASSERT_EQ(csv.code, 0) << csv.err;
    EXPECT_EQ(csv.out,
              "ID,Name,Strategy,Seed,Status,Tags,xquad-r Mo,xquad-r Cr,contaminated\r\n"
              "2,hybrid,hybrid,1,queued,paper,0.5250,0.3750,\r\n"
              "1,multitask,multitask,1,queued,,0.2750,0.1250,\r\n");
    const CliResult json = runCli(db() + "list --format json");
    ASSERT_EQ(json.code, 0) << json.err;
    const nlohmann::json parsed = nlohmann::json::parse(json.out);
    ASSERT_EQ(parsed.size(), 2u);
    EXPECT_EQ(parsed[1]["name"], "hybrid");
    EXPECT_EQ(parsed[1]["tags"][0], "paper");
    EXPECT_DOUBLE_EQ(parsed[1]["summary"]["xquad-r"]["Mo"].get<double>(), 0.525);
}

TEST_F(RunsCommand, ShowPrintsDetailsAndTheMatrix) {
    const CliResult r = runCli(db() + "show 2");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Run 2: hybrid\n  status      queued\n  strategy    hybrid  (seed 1)\n"),
              std::string::npos);
    EXPECT_NE(r.out.find("  tags        paper\n"), std::string::npos);
    EXPECT_NE(r.out.find("Mo       map     0.5250\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("de            0.5250\n"), std::string::npos) << r.out;
}

/// A run trained on de and en (resources/configs/demo-hybrid.json narrowed to them) with Mo, Cr
/// and Mul mAP and rank distances of de, en and th; th is unseen.
std::int64_t addTrainedRun(ExperimentStore& store) {
    std::ifstream in(MTREC_SOURCE_DIR "/resources/configs/demo-hybrid.json");
    nlohmann::json config = nlohmann::json::parse(in);
    config["data"]["languages"] = {"de", "en"};
    const std::int64_t id = store::test::addRun(store, "trained", "hybrid", 3, config.dump());
    using store::test::cell;
    // Mo: de .8, en .6 (seen .7), th .2. Cr seen: de>en .5, en>de .3 (.4); mixed: de>th .2,
    // en>th .1, th>de .3, th>en .2 (.2). Mul: de .4, en .2 (.3), th .1. Rank distance 10, 20, 60.
    EXPECT_TRUE(
        store.results()
            .record(id, {cell("Mo", "de", "de", 0.8), cell("Mo", "en", "en", 0.6),
                         cell("Mo", "th", "th", 0.2), cell("Cr", "de", "en", 0.5),
                         cell("Cr", "en", "de", 0.3), cell("Cr", "de", "th", 0.2),
                         cell("Cr", "en", "th", 0.1), cell("Cr", "th", "de", 0.3),
                         cell("Cr", "th", "en", 0.2), cell("Mul", "de", "all", 0.4),
                         cell("Mul", "en", "all", 0.2), cell("Mul", "th", "all", 0.1),
                         cell("Mul", "de", "all", 10, "rank_distance"),
                         cell("Mul", "en", "all", 20, "rank_distance"),
                         cell("Mul", "th", "all", 60, "rank_distance"),
                         cell("Cr", "all", "all", 0.2667), cell("Mul", "all", "all", 0.2333)})
            .ok());
    return id;
}

TEST_F(RunsCommand, ShowSplitsTheSummaryIntoSeenAndUnseenLanguages) {
    {
        ExperimentStore store = store::test::openStore(path_);
        ASSERT_EQ(addTrainedRun(store), 3);
    }
    const CliResult r = runCli(db() + "show 3");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("xquad-r: seen vs unseen languages (map; rank distance: language bias, "
                         "lower is better)\n"
                         "Set     Languages        Mo map  Cr map  Mul map  rank distance\n"
                         "all     de en th         0.5333  0.2667   0.2333           30.0\n"
                         "seen    de en            0.7000  0.4000   0.3000           15.0\n"
                         "unseen  th               0.2000       -   0.1000           60.0\n"
                         "mixed   seen <-> unseen       -  0.2000        -              -\n"),
              std::string::npos)
        << r.out;
    // Run 2 trained nothing its config says: no split, and the table says why.
    const CliResult untrained = runCli(db() + "show 2");
    EXPECT_NE(untrained.out.find("seen    -                     -       -        -"),
              std::string::npos)
        << untrained.out;
    EXPECT_NE(untrained.out.find("no seen/unseen split"), std::string::npos);
}

TEST_F(RunsCommand, ListAppendsSeenAndUnseenColumnsOfCrAndMul) {
    {
        ExperimentStore store = store::test::openStore(path_);
        addTrainedRun(store);
    }
    const CliResult csv = runCli(db() + "list --format csv");
    ASSERT_EQ(csv.code, 0) << csv.err;
    EXPECT_EQ(csv.out,
              "ID,Name,Strategy,Seed,Status,Tags,xquad-r Mo,xquad-r Cr,xquad-r Mul,"
              "xquad-r Cr seen,xquad-r Cr unseen,xquad-r Mul seen,xquad-r Mul unseen,"
              "contaminated\r\n"
              "1,multitask,multitask,1,queued,,0.2750,0.1250,,-,-,-,-,\r\n"
              "2,hybrid,hybrid,1,queued,paper,0.5250,0.3750,,-,-,-,-,\r\n"
              "3,trained,hybrid,3,queued,,,0.2667,0.2333,0.4000,-,0.3000,0.1000,\r\n");
    const CliResult json = runCli(db() + "list --format json");
    const nlohmann::json split = nlohmann::json::parse(json.out)[2]["seen_unseen"]["xquad-r"];
    EXPECT_EQ(split["unseen_languages"], nlohmann::json({"th"}));
    EXPECT_DOUBLE_EQ(split["seen"]["Mo"].get<double>(), 0.7);
    EXPECT_TRUE(split["unseen"]["Cr"].is_null());
    EXPECT_DOUBLE_EQ(split["mixed"]["Cr"].get<double>(), 0.2);
    EXPECT_DOUBLE_EQ(split["unseen"]["rank_distance"].get<double>(), 60.0);
}

TEST_F(RunsCommand, CompareTestsEachCellAgainstTheBaseline) {
    const CliResult r = runCli(db() + "compare 1 2");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("hybrid (#2) vs multitask (#1) (map, paired per query)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("0.2500**"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 of 1 cells differ significantly"), std::string::npos);
    const CliResult latex = runCli(db() + "compare 1 2 --format latex");
    EXPECT_NE(latex.out.find("0.2500$^{**}$"), std::string::npos) << latex.out;
}

/// Adds a run of `strategy` with `seed` whose Mo de-de query q has AP 0.05 q + shift (mean 0.275 +
/// shift), with its stored Mo and Cr summaries as the fixture's.
void addSeed(const std::string& path, const std::string& strategy, int seed, double shift) {
    ExperimentStore store = store::test::openStore(path);
    const std::int64_t id = store::test::addRun(
        store, strategy, strategy, seed,
        R"({"strategy":")" + strategy + R"(","seed":)" + std::to_string(seed) + "}");
    std::vector<PerQueryValue> values;
    for (int q = 0; q < 12; ++q)
        values.push_back(
            store::test::perQuery("Mo", "de", "de", "q" + std::to_string(q), 0.05 * q + shift));
    ASSERT_TRUE(store.results().record(id,
                                       {store::test::cell("Mo", "de", "de", 0.275 + shift),
                                        store::test::cell("Mo", "all", "all", 0.275 + shift),
                                        store::test::cell("Cr", "all", "all", 0.125 + shift)},
                                       values));
}

// A third run differs from run 2 only in seed: with --seed-groups run 2 stands for both, each side
// printed as mean +- std over its seeds and compared on the per-query means; the seed level needs
// 2 seeds on the baseline's side too.
TEST_F(RunsCommand, CompareSeedGroupsAveragesEachSideOverItsSeeds) {
    addSeed(path_, "hybrid", 2, 0.3);
    const CliResult r = runCli(db() + "compare 1 2 --seed-groups");
    ASSERT_EQ(r.code, 0) << r.err;
    // Summaries of runs 2 and 3: Mo 0.525 and 0.575, Cr 0.375 and 0.425: std sqrt(2 * 0.025^2).
    EXPECT_NE(r.out.find("hybrid (2 seeds): mean +- sample std over seeds\n"
                         "Suite    Setting  Metric  n    Mean     Std  Per seed\n"
                         "xquad-r  Cr       map     2  0.4000  0.0354  0.3750, 0.4250\n"
                         "xquad-r  Mo       map     2  0.5500  0.0354  0.5250, 0.5750\n"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("multitask (#1): mean +- sample std over seeds\n"), std::string::npos);
    // Per query: (0.05 q + 0.25 + 0.05 q + 0.3) / 2 - 0.05 q = 0.275 on all 12 queries.
    EXPECT_NE(r.out.find("hybrid (2 seeds) vs multitask (#1) (map, paired per query)"),
              std::string::npos);
    EXPECT_NE(r.out.find("0.2750**"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 of 1 cells differ significantly over queries"), std::string::npos);
    EXPECT_NE(r.out.find("over seeds: not tested (needs at least 2 seeds per side)"),
              std::string::npos);
    // 12 queries: 2 of the 4,096 sign patterns reach the observed sum; 6 of 10,000 flips did.
    const CliResult csv = runCli(db() + "compare 1 2 --seed-groups --format csv");
    EXPECT_NE(csv.out.find("xquad-r,Mo,de,de,12,\"0.5500 (0.5250, 0.5750)\",0.2750,0.2750,0.0007,"
                           "0.0000,n/a\r\n"),
              std::string::npos)
        << csv.out;
}

// Both sides with 2 seeds. Per-seed Mo de-de means: hybrid 0.525, 0.575; multitask 0.275, 0.295.
// Welch: diff 0.265, squared std errors 0.00125 / 2 and 0.0002 / 2, t = 0.265 / sqrt(0.000725) =
// 9.842, df = 0.000725^2 / (0.000625^2 + 0.0001^2) = 1.312, two-sided p = 0.0345 (< 0.05: †).
// Every query's mean differs by 0.275 - 0.01 = 0.265 (**).
TEST_F(RunsCommand, CompareSeedGroupsTestsOverSeedsWhenBothSidesHaveTwo) {
    addSeed(path_, "hybrid", 2, 0.3);
    addSeed(path_, "multitask", 2, 0.02);
    const CliResult r = runCli(db() + "compare 1 2 --seed-groups");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("0.5500 (0.5250, 0.5750)  0.2850 (0.2750, 0.2950)  0.2650**†"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("1 of 1 cells differ significantly over queries (randomization test, "
                         "Holm-corrected p < 0.05); 1 of 1 over seeds (Welch's t-test on 2 vs 2 "
                         "per-seed means, Holm-corrected p < 0.05)"),
              std::string::npos)
        << r.out;
    const CliResult csv = runCli(db() + "compare 1 2 --seed-groups --format csv");
    ASSERT_EQ(csv.code, 0) << csv.err;
    EXPECT_NE(csv.out.find(",Delta,p queries rand (Holm),p queries t (Holm),p seeds Welch (Holm)\r\n"
                           "xquad-r,Mo,de,de,12,\"0.5500 (0.5250, 0.5750)\",\"0.2850 (0.2750, "
                           "0.2950)\",0.2650,0.0007,0.0000,0.0345\r\n"),
              std::string::npos)
        << csv.out;
}

TEST_F(RunsCommand, UnknownMetricOrStatusNamesTheChoices) {
    const CliResult metric = runCli(db() + "list --metric ap");
    EXPECT_EQ(metric.code, 1);
    EXPECT_EQ(metric.err,
              "unknown metric 'ap' (choose map, recip_rank, recall_1, recall_10, recall_100, P_1, "
              "ndcg_cut_10, mul_mean_rank, mul_top10_share, rank_distance)");
    const CliResult status = runCli(db() + "list --status done");
    EXPECT_EQ(status.code, 1);
    EXPECT_EQ(status.err,
              "runs list: unknown status 'done' (choose queued, running, finished, failed, "
              "cancelled or interrupted)");
    EXPECT_EQ(runCli(db() + "list --status finished").out, "no runs in " + path_ + "\n");
}

TEST_F(RunsCommand, ExportWritesFilesAndRefusesTrecForAnUnfinishedRun) {
    const fs::path out = dir_.path() / "exports";
    const CliResult r =
        runCli(db() + "export 1 2 --format markdown --out " + out.string() + " --compare");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "wrote " + (out / "summary.md").string() + "\nwrote " +
                         (out / "run-1.md").string() + "\nwrote " + (out / "run-2.md").string() +
                         "\nwrote " + (out / "comparison.md").string() + "\n");
    const CliResult trec = runCli(db() + "export 1 --format trec --out " + out.string());
    EXPECT_EQ(trec.code, 1);
    EXPECT_EQ(trec.err,
              "run 1 (multitask) has not started; only a finished run has evaluated "
              "rankings to export");
    EXPECT_FALSE(fs::exists(out / "1-multitask"));
}

TEST_F(RunsCommand, TagNoteAndDelete) {
    EXPECT_EQ(runCli(db() + "tag 1 baseline").out, "tagged run 1 'baseline'\n");
    EXPECT_EQ(runCli(db() + "note 1 \"lr 3e-5, batch 100\"").out, "added a note to run 1\n");
    EXPECT_NE(runCli(db() + "show 1").out.find("] lr 3e-5, batch 100\n"), std::string::npos);
    EXPECT_EQ(runCli(db() + "tag 1 baseline --remove").out, "removed tag 'baseline' from run 1\n");
    EXPECT_EQ(runCli(db() + "delete 1").out,
              "deleted run 1 (multitask) and everything recorded for it\n");
    const CliResult again = runCli(db() + "show 1");
    EXPECT_EQ(again.code, 1);
    EXPECT_EQ(again.err, "no run with id 1 in " + path_);
}

TEST_F(RunsCommand, BadInputEndsWithOneClearMessage) {
    const std::string missing = (dir_.path() / "nothing.db").string();
    const CliResult noDb = runCli("runs --db " + missing + " list");
    EXPECT_EQ(noDb.code, 1);
    EXPECT_EQ(noDb.err, "no database at " + missing + " (the file does not exist)");
    EXPECT_FALSE(fs::exists(missing));
    EXPECT_EQ(runCli(db() + "show 42").err, "no run with id 42 in " + path_);
    EXPECT_EQ(runCli(db() + "tag 42 x").err, "no run with id 42 in " + path_);
    EXPECT_NE(runCli(db() + "list --format xml").code, 0);
    EXPECT_NE(runCli(db() + "compare 1").code, 0);
    EXPECT_NE(runCli(db() + "show notanumber").code, 0);
}

TEST_F(RunsCommand, HelpIsAvailableEverywhere) {
    const CliResult runs = runCli("runs --help");
    EXPECT_EQ(runs.code, 0);
    EXPECT_NE(runs.out.find("compare"), std::string::npos);
    const CliResult list = runCli("runs list --help");
    EXPECT_EQ(list.code, 0);
    EXPECT_NE(list.out.find("--format"), std::string::npos);
    EXPECT_NE(runCli("runs export --help").out.find("--out"), std::string::npos);
}

}  // namespace
}  // namespace mtrec::cli
