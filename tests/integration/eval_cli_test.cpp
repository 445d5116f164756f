// End-to-end tests of `mtrec eval`: a tiny two-language XQuAD-R suite whose BM25 rankings can be worked
// out by hand, and bad input on the command line.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "test_support.h"

namespace mtrec::test {
namespace {

/// One LAReQA paragraph of two sentences with a question on each; offsets are ASCII code points.
nlohmann::json paragraph(const std::string& first, const std::string& second,
                         const std::string& question1, const std::string& answer1,
                         const std::string& question2, const std::string& answer2) {
    const std::string context = first + " " + second;
    const auto start2 = static_cast<int>(first.size() + 1);
    nlohmann::json qas = nlohmann::json::array();
    qas.push_back({{"id", "q1"}, {"question", question1},
                   {"answers", {{{"text", answer1}, {"answer_start", 0}}}}});
    qas.push_back({{"id", "q2"}, {"question", question2},
                   {"answers", {{{"text", answer2}, {"answer_start", start2}}}}});
    return {{"context", context},
            {"qas", qas},
            {"sentences", {first, second}},
            {"sentence_breaks", {{0, static_cast<int>(first.size())},
                                 {start2, static_cast<int>(context.size())}}}};
}

std::string suiteFile(const nlohmann::json& para) {
    nlohmann::json doc = {{"version", "1.1"},
                          {"data", {{{"title", "Capitals"}, {"paragraphs", {para}}}}}};
    return doc.dump();
}

/// en and de share no word between questions and the other language's sentences, so every Cr score is
/// 0 and trec_eval's tie rule (docno descending) alone orders the candidates.
void writeTinySuite(const TempDir& dir) {
    dir.write("xquad/en.json",
              suiteFile(paragraph("Paris is the capital of France.", "Berlin is the capital of Germany.",
                                  "Which city is the capital of France?", "Paris",
                                  "What is the capital of Germany?", "Berlin")));
    dir.write("xquad/de.json",
              suiteFile(paragraph("Paris ist die Hauptstadt Frankreichs.",
                                  "Berlin ist die Hauptstadt Deutschlands.",
                                  "Welche Stadt ist die Hauptstadt Frankreichs?", "Paris",
                                  "Was ist die Hauptstadt Deutschlands?", "Berlin")));
}

/// (suite, query_lang, cand_lang, setting, metric) -> value from pairs.csv.
std::map<std::string, double> readPairs(const std::string& path) {
    std::map<std::string, double> values;
    const auto rows = readCsv(path);
    for (std::size_t i = 1; i < rows.size(); ++i)
        values[rows[i][1] + "-" + rows[i][2] + " " + rows[i][3] + " " + rows[i][4]] =
            std::stod(rows[i][5]);
    return values;
}

TEST(EvalCli, TinySuiteGivesHandComputedBm25Metrics) {
    TempDir dir;
    writeTinySuite(dir);
    const std::string out = (dir.path() / "out").string();
    const auto result = runMtrec({"eval", "--suite", "xquad-r", "--data", (dir.path() / "xquad").string(),
                                  "--scorer", "bm25", "--out", out});
    ASSERT_EQ(result.exitCode, 0) << result.output;

    const auto pairs = readPairs(out + "/pairs.csv");
    EXPECT_DOUBLE_EQ(pairs.at("en-en Mo map"), 1.0);
    EXPECT_DOUBLE_EQ(pairs.at("de-de Mo map"), 1.0);
    // Cr: all scores 0; de:0:1 sorts before de:0:0, so q1 finds its answer at rank 2, q2 at rank 1.
    EXPECT_DOUBLE_EQ(pairs.at("en-de Cr map"), 0.75);
    EXPECT_DOUBLE_EQ(pairs.at("en-de Cr recip_rank"), 0.75);
    EXPECT_DOUBLE_EQ(pairs.at("en-de Cr P_1"), 0.5);
    EXPECT_DOUBLE_EQ(pairs.at("en-de Cr recall_10"), 1.0);
    EXPECT_NEAR(pairs.at("en-de Cr ndcg_cut_10"), (1.0 + 1.0 / std::log2(3.0)) / 2, 1e-9);
    // Mul: q1 ranks en:0:0, en:0:1, de:0:1, de:0:0 (relevant at 1 and 4); q2 relevant at 1 and 3.
    EXPECT_NEAR(pairs.at("en-all Mul map"), ((1.0 + 2.0 / 4) / 2 + (1.0 + 2.0 / 3) / 2) / 2, 1e-9);

    const auto summary = readCsv(out + "/summary.csv");
    ASSERT_EQ(summary[0], (std::vector<std::string>{"suite", "setting", "metric", "value"}));
    EXPECT_EQ(summary[1], (std::vector<std::string>{"xquad-r", "Mo", "map", "1"}));

    const auto bias = readCsv(out + "/bias.csv");
    const auto overall = bias.back();
    EXPECT_EQ(overall, (std::vector<std::string>{"xquad-r", "all", "all", "rank_distance", "2.5"}));

    const auto stats = readCsv(out + "/stats.csv");
    ASSERT_EQ(stats.size(), 3u);
    EXPECT_EQ(stats[1], (std::vector<std::string>{"xquad-r", "de", "2", "2"}));
    EXPECT_NE(result.output.find("Mul"), std::string::npos) << "prints a summary table";
}

TEST(EvalCli, TrecExportWritesEveryPairAndMul) {
    TempDir dir;
    writeTinySuite(dir);
    const std::string out = (dir.path() / "out").string();
    const auto result = runMtrec({"eval", "--suite", "xquad-r", "--data", (dir.path() / "xquad").string(),
                                  "--out", out, "--trec", "--depth", "all"});
    ASSERT_EQ(result.exitCode, 0) << result.output;
    for (const char* name : {"en-en", "en-de", "de-en", "de-de", "en-all", "de-all"}) {
        EXPECT_TRUE(std::filesystem::exists(out + "/trec/xquad-r/" + name + ".run")) << name;
        EXPECT_TRUE(std::filesystem::exists(out + "/trec/xquad-r/" + name + ".qrels")) << name;
    }
    const auto run = readCsv(out + "/trec/xquad-r/en-all.run");
    EXPECT_EQ(run.size(), 8u) << "2 queries x 4 candidates at depth all";
}

TEST(EvalCli, RecordsTheEvaluationAsARunInTheDatabase) {
    TempDir dir;
    writeTinySuite(dir);
    const std::string db = (dir.path() / "experiments.db").string();
    const auto result = runMtrec({"eval", "--suite", "xquad-r", "--data", (dir.path() / "xquad").string(),
                                  "--out", (dir.path() / "out").string(), "--db", db, "--name", "BM25 tiny"});
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("Recorded as run 1"), std::string::npos) << result.output;

    const auto listed = runMtrec({"runs", "list", "--db", db, "--format", "csv"});
    ASSERT_EQ(listed.exitCode, 0) << listed.output;
    EXPECT_NE(listed.output.find("BM25 tiny"), std::string::npos) << listed.output;
    EXPECT_NE(listed.output.find("finished"), std::string::npos) << listed.output;
    EXPECT_NE(listed.output.find("0.75"), std::string::npos) << "Cr mAP of the tiny suite\n"
                                                             << listed.output;
}

struct BadInvocation {
    std::vector<std::string> args;
    std::string expectedMessage;
};

TEST(EvalCli, BadInputEndsWithOneClearMessage) {
    TempDir dir;
    writeTinySuite(dir);
    const std::string data = (dir.path() / "xquad").string();
    const std::string out = (dir.path() / "out").string();
    const std::vector<BadInvocation> cases = {
        {{"eval", "--suite", "nope", "--data", data, "--out", out}, "--suite"},
        {{"eval", "--suite", "xquad-r", "--data", data + "/missing", "--out", out}, "missing"},
        {{"eval", "--suite", "xquad-r", "--data", data, "--out", out, "--depth", "zero"}, "--depth"},
        {{"eval", "--suite", "xquad-r", "--data", data, "--out", out, "--languages", "en,xx"}, "xx"},
        {{"eval", "--suite", "xquad-r", "--data", data}, "--out"},
        {{"eval", "--suite", "xquad-r", "--data", data, "--out", out, "--scorer", "dense"},
         "--scorer dense needs --model FOLDER"},
        {{"eval", "--suite", "xquad-r", "--data", data, "--out", out, "--scorer", "dense",
          "--model", data},
         "not a model folder"},
    };
    for (const auto& bad : cases) {
        const auto result = runMtrec(bad.args);
        EXPECT_NE(result.exitCode, 0) << result.output;
        EXPECT_NE(result.output.find(bad.expectedMessage), std::string::npos) << result.output;
        EXPECT_EQ(result.output.find("internal error"), std::string::npos) << result.output;
    }
}

TEST(EvalCli, MalformedSuiteFileIsNamedInTheMessage) {
    TempDir dir;
    writeTinySuite(dir);
    dir.write("xquad/de.json", "{\"version\": \"1.1\", \"data\": [");
    const auto result = runMtrec({"eval", "--suite", "xquad-r", "--data", (dir.path() / "xquad").string(),
                                  "--out", (dir.path() / "out").string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.output.find("de.json"), std::string::npos) << result.output;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "out" / "pairs.csv"));
}

TEST(EvalCli, HelpListsTheOptions) {
    const auto result = runMtrec({"eval", "--help"});
    EXPECT_EQ(result.exitCode, 0);
    for (const char* option : {"--suite", "--data", "--scorer", "--model", "--tokenizer",
                               "--max-length", "--languages", "--out", "--trec", "--depth"})
        EXPECT_NE(result.output.find(option), std::string::npos) << option;
}

}  // namespace
}  // namespace mtrec::test
