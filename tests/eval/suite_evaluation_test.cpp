// evaluateSuite on a two-language parallel suite whose Mul rankings are worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "data/trec_files.h"
#include "eval/trec_evaluator.h"
#include "scripted_scorer.h"
#include "test_support.h"

namespace mtrec::eval {
namespace {

double metric(const MetricValues& values, Metric m) {
    return values[metricIndex(m)];
}

// en and de, three candidates each. q1 -> en:0, de:0; q2 -> en:1, de:1 (and en:2 judged 0);
// en q3 has only the grade-0 judgment; en q4 has none (never a pair query).
data::RetrievalSuite tinySuite() {
    data::RetrievalSuite suite;
    suite.name = "tiny";
    for (const char* code : {"en", "de"}) {
        data::LanguageData language;
        language.code = code;
        for (int c = 0; c < 3; ++c)
            language.candidates.push_back({std::string(code) + ":" + std::to_string(c), "text"});
        language.queries = {{"q1", "?"}, {"q2", "?"}};
        language.judgments = {{{0, 0, 1}, {1, 0, 1}}, {{0, 1, 1}, {1, 1, 1}, {0, 2, 0}}};
        suite.languages.push_back(language);
    }
    suite.languages[0].queries.push_back({"q3", "?"});
    suite.languages[0].queries.push_back({"q4", "?"});
    suite.languages[0].judgments.push_back({{0, 2, 0}});
    suite.languages[0].judgments.push_back({});
    return suite;
}

// Scores against [en:0 en:1 en:2 de:0 de:1 de:2].
std::vector<std::vector<std::vector<float>>> tinyScores() {
    return {{{0.9f, 0.1f, 0.5f, 0.3f, 0.9f, 0.2f},
             {0.2f, 0.4f, 0.8f, 0.4f, 0.7f, 0.0f},
             {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f},
             {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f}},
            {{0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, {0.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f}}};
}

const CellResult& cell(const SuiteEvaluation& e, Setting s, const std::string& x,
                       const std::string& y) {
    for (const CellResult& c : e.cells)
        if (c.setting == s && c.queryLanguage == x && c.candidateLanguage == y) return c;
    throw std::logic_error("no cell " + x + "-" + y);
}

class TinySuite : public ::testing::TestWithParam<bool> {};

TEST_P(TinySuite, CellsSummariesAndBiasMatchHandValues) {
    const data::RetrievalSuite suite = tinySuite();
    test::ScriptedScorer scorer(suite, tinyScores(), GetParam());
    EvaluationOptions options;
    options.queryChunkRows = 3;  // en spans two chunks
    options.threads = 2;
    Result<SuiteEvaluation> result = evaluateSuite(suite, scorer, options);
    ASSERT_TRUE(result.ok()) << result.error().message;
    const SuiteEvaluation& e = result.value();
    ASSERT_EQ(e.cells.size(), 6u);
    EXPECT_EQ(cell(e, Setting::Mo, "en", "en").queryCount, 3u);
    EXPECT_EQ(cell(e, Setting::Cr, "en", "de").queryCount, 2u);
    EXPECT_EQ(cell(e, Setting::Mul, "en", "all").queryCount, 3u);
    EXPECT_DOUBLE_EQ(metric(cell(e, Setting::Mo, "en", "en").mean, Metric::Map), (1 + 0.5 + 0) / 3);
    EXPECT_DOUBLE_EQ(metric(cell(e, Setting::Cr, "en", "de").mean, Metric::Map), 0.75);
    EXPECT_DOUBLE_EQ(metric(cell(e, Setting::Mo, "de", "de").mean, Metric::Map), (1.0 / 3 + 1) / 2);
    EXPECT_DOUBLE_EQ(metric(cell(e, Setting::Cr, "de", "en").mean, Metric::Map),
                     (1.0 / 3 + 0.5) / 2);
    // Mul, en: q1 ranks en:0 1st and de:0 4th; q2 ranks de:1 2nd and en:1 3rd (tie won by en:1).
    EXPECT_DOUBLE_EQ(metric(cell(e, Setting::Mul, "en", "all").mean, Metric::Map),
                     ((1 + 2.0 / 4) / 2 + (1.0 / 2 + 2.0 / 3) / 2 + 0) / 3);
    EXPECT_DOUBLE_EQ(metric(cell(e, Setting::Mul, "de", "all").mean, Metric::Recall1),
                     (0 + 0.5) / 2);
    const double idcg = 1 + 1 / std::log2(3.0);
    EXPECT_DOUBLE_EQ(
        metric(cell(e, Setting::Mul, "de", "all").mean, Metric::NdcgCut10),
        ((1 / std::log2(4.0) + 1 / std::log2(7.0)) / idcg + (1 + 1 / std::log2(4.0)) / idcg) / 2);

    ASSERT_EQ(e.summaries.size(), 3u);
    EXPECT_DOUBLE_EQ(metric(e.summaries[0].mean, Metric::Map), (0.5 + 2.0 / 3) / 2);
    EXPECT_DOUBLE_EQ(metric(e.summaries[1].mean, Metric::Map), (0.75 + 5.0 / 12) / 2);
    EXPECT_EQ(e.summaries[2].cellCount, 2u);

    // Ties of a relevant candidate's score: en q1 and q2 only in Mul (en:0 = de:1 at 0.9, en:1 =
    // de:0 at 0.4); de q1 scores everything 0.5 (tied everywhere), de q2's en:1 ties in Cr and Mul.
    EXPECT_EQ(cell(e, Setting::Mo, "en", "en").tiedRelevantQueries, 0u);
    EXPECT_EQ(cell(e, Setting::Cr, "en", "de").tiedRelevantQueries, 0u);
    EXPECT_EQ(cell(e, Setting::Mul, "en", "all").tiedRelevantQueries, 2u);
    EXPECT_EQ(cell(e, Setting::Mo, "de", "de").tiedRelevantQueries, 1u);
    EXPECT_EQ(cell(e, Setting::Cr, "de", "en").tiedRelevantQueries, 2u);
    EXPECT_EQ(cell(e, Setting::Mul, "de", "all").tiedRelevantQueries, 2u);

    ASSERT_TRUE(e.bias.has_value());
    const LanguageBias& bias = *e.bias;
    EXPECT_DOUBLE_EQ(bias.rankDistance[0], (3 + 1) / 2.0);
    EXPECT_DOUBLE_EQ(bias.rankDistance[1], (3 + 2) / 2.0);
    EXPECT_DOUBLE_EQ(bias.meanRankDistance, 2.25);
    EXPECT_EQ(bias.rankDistanceQueries, (std::vector<std::size_t>{2, 2}));
    EXPECT_DOUBLE_EQ(bias.meanRank[0][0], 2.0);
    EXPECT_DOUBLE_EQ(bias.meanRank[0][1], 3.0);
    EXPECT_DOUBLE_EQ(bias.meanRank[1][0], 3.0);
    EXPECT_DOUBLE_EQ(bias.meanRank[1][1], 3.5);
    EXPECT_DOUBLE_EQ(bias.top10Share[1][1], 1.0);
}

TEST_P(TinySuite, PerQueryRowsCarryRankDistanceOnMulOnly) {
    const data::RetrievalSuite suite = tinySuite();
    test::ScriptedScorer scorer(suite, tinyScores(), GetParam());
    Result<SuiteEvaluation> result = evaluateSuite(suite, scorer, EvaluationOptions{});
    ASSERT_TRUE(result.ok());
    std::size_t mulRows = 0;
    for (const QueryResult& row : result.value().queries) {
        if (row.setting != Setting::Mul) {
            EXPECT_FALSE(row.rankDistance.has_value());
            continue;
        }
        ++mulRows;
        if (row.qid == "q3") {
            EXPECT_FALSE(row.rankDistance.has_value());
        }
        if (row.queryLanguage == "de" && row.qid == "q2") {
            EXPECT_EQ(row.rankDistance, 2.0);
        }
    }
    EXPECT_EQ(mulRows, 5u);
    EXPECT_EQ(result.value().queries.size(), 3u + 2 + 2 + 2 + 3 + 2);
}

INSTANTIATE_TEST_SUITE_P(PoolIndependence, TinySuite, ::testing::Values(false, true));

TEST(SuiteEvaluation, NonParallelSuiteHasMoOnly) {
    data::RetrievalSuite suite = tinySuite();
    suite.parallel = false;
    for (auto& language : suite.languages)  // keep only in-language judgments, as MIRACL has
        for (auto& judged : language.judgments)
            judged.erase(std::remove_if(judged.begin(), judged.end(),
                                        [&](const data::Judgment& j) {
                                            return suite.languages[j.language].code !=
                                                   language.code;
                                        }),
                         judged.end());
    test::ScriptedScorer scorer(suite, tinyScores(), false);
    Result<SuiteEvaluation> result = evaluateSuite(suite, scorer, EvaluationOptions{});
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.value().cells.size(), 2u);
    EXPECT_EQ(result.value().summaries.size(), 1u);
    EXPECT_FALSE(result.value().bias.has_value());
    EXPECT_DOUBLE_EQ(metric(result.value().summaries[0].mean, Metric::Map), (0.5 + 2.0 / 3) / 2);
}

TEST(SuiteEvaluation, DuplicateDocnoIsAnError) {
    data::RetrievalSuite suite = tinySuite();
    suite.languages[1].candidates[2].docno = "en:0";
    test::ScriptedScorer scorer(suite, tinyScores(), false);
    Result<SuiteEvaluation> result = evaluateSuite(suite, scorer, EvaluationOptions{});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("en:0"), std::string::npos);
}

// The depth-0 export, read back and evaluated in TREC form, gives every cell's per-query values.
TEST(SuiteEvaluation, TrecExportReproducesEveryCell) {
    const data::RetrievalSuite suite = tinySuite();
    test::ScriptedScorer scorer(suite, tinyScores(), true);
    mtrec::test::TempDir dir;
    EvaluationOptions options;
    options.trecExportDir = (dir.path() / "trec").string();
    options.trecDepth = 0;
    Result<SuiteEvaluation> result = evaluateSuite(suite, scorer, options);
    ASSERT_TRUE(result.ok()) << result.error().message;
    for (const CellResult& c : result.value().cells) {
        const std::string stem =
            *options.trecExportDir + "/" + c.queryLanguage + "-" + c.candidateLanguage;
        Result<data::TrecQrels> qrels = data::readTrecQrels(stem + ".qrels");
        Result<data::TrecRun> run = data::readTrecRun(stem + ".run");
        ASSERT_TRUE(qrels.ok() && run.ok()) << stem;
        EXPECT_EQ(qrels.value().size(), c.queryCount);
        Result<RunEvaluation> trec = evaluateRun(qrels.value(), run.value());
        ASSERT_TRUE(trec.ok()) << trec.error().message;
        for (Metric m : kAllMetrics)
            EXPECT_DOUBLE_EQ(metric(trec.value().mean, m), metric(c.mean, m))
                << stem << " " << trecName(m);
    }
}

TEST(SuiteEvaluation, ExportDepthCutsEachQuery) {
    const data::RetrievalSuite suite = tinySuite();
    test::ScriptedScorer scorer(suite, tinyScores(), false);
    mtrec::test::TempDir dir;
    EvaluationOptions options;
    options.trecExportDir = dir.path().string();
    options.trecDepth = 2;
    ASSERT_TRUE(evaluateSuite(suite, scorer, options).ok());
    Result<data::TrecRun> run = data::readTrecRun(dir.path().string() + "/de-all.run");
    ASSERT_TRUE(run.ok());
    ASSERT_EQ(run.value().at("q2").size(), 2u);
    EXPECT_EQ(run.value().at("q2")[0].docno, "de:1");
    EXPECT_EQ(run.value().at("q2")[1].docno, "en:2");  // the 0-score tie goes to the largest docno
    EXPECT_EQ(run.value().count("q4"), 0u);
}

TEST(SuiteEvaluation, ReportsEveryRankingStepOfTheSuite) {
    const data::RetrievalSuite suite = tinySuite();
    test::ScriptedScorer scorer(suite, tinyScores(), false);  // pool by pool: 3 steps a language
    EvaluationOptions options;
    std::vector<Progress> seen;
    options.progress = [&seen](const Progress& progress) { seen.push_back(progress); };
    ASSERT_TRUE(evaluateSuite(suite, scorer, options).ok());
    ASSERT_EQ(seen.size(), 6u);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i].phase, Phase::Ranking);
        EXPECT_EQ(seen[i].suite, "tiny");
        EXPECT_EQ(seen[i].done, i + 1);
        EXPECT_EQ(seen[i].total, 6u);
    }
}

TEST(SuiteEvaluation, CancellingStopsBeforeTheNextChunkWithAnError) {
    const data::RetrievalSuite suite = tinySuite();
    test::ScriptedScorer scorer(suite, tinyScores(), false);
    EvaluationOptions options;
    options.queryChunkRows = 1;
    std::size_t reports = 0;
    options.progress = [&](const Progress&) {
        if (++reports == 2) options.cancel.cancel();
    };
    Result<SuiteEvaluation> result = evaluateSuite(suite, scorer, options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().message, "cancelled");
    EXPECT_EQ(reports, 2u);
}

}  // namespace
}  // namespace mtrec::eval
