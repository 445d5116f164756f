// The bounded search (bounded_step.h): pools streamed column chunk by column chunk give exactly
// what the full score matrix gives (cells, per-query values, bias, ties, TREC export at depth k),
// on random suites of small-integer vectors with many exact ties, for parallel suites (Mo, Cr, Mul)
// and a MIRACL-like one (Mo only); plus hand-computed rankings.
#include <gtest/gtest.h>

#include <cmath>

#include "dense_suite_fixture.h"
#include "embedding_scorer.h"
#include "eval/suite_evaluation.h"
#include "test_support.h"

namespace mtrec::eval {
namespace {

using test::expectSameEvaluation;
using test::expectSameFiles;
using test::fileText;
using test::randomSuite;
using test::RandomSuite;

EvaluationOptions fullMatrix(const std::filesystem::path& exportDir, std::size_t depth) {
    EvaluationOptions options;
    options.boundedPoolThreshold = std::numeric_limits<std::size_t>::max();
    options.trecExportDir = exportDir.string();
    options.trecDepth = depth;
    return options;
}

EvaluationOptions boundedSearch(const std::filesystem::path& exportDir, std::size_t depth,
                                unsigned seed) {
    EvaluationOptions options = fullMatrix(exportDir, depth);
    options.boundedPoolThreshold = 0;
    options.columnChunk = 1 + seed % 11;  // many chunks, odd remainders
    options.queryChunkRows = 1 + seed % 4;
    options.threads = 1 + static_cast<int>(seed % 3);
    return options;
}

void expectBoundedEqualsFull(bool parallel) {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const RandomSuite c = randomSuite(seed, parallel);
        test::EmbeddingScorer scorer(c.suite, c.dimension, c.queries, c.candidates);
        mtrec::test::TempDir fullDir, boundedDir;
        const std::size_t depth = 1 + seed % 7;
        Result<SuiteEvaluation> full =
            evaluateSuite(c.suite, scorer, fullMatrix(fullDir.path(), depth));
        ASSERT_TRUE(full.ok()) << full.error().message;
        ASSERT_EQ(scorer.columnCalls, 0);
        Result<SuiteEvaluation> bounded =
            evaluateSuite(c.suite, scorer, boundedSearch(boundedDir.path(), depth, seed));
        ASSERT_TRUE(bounded.ok()) << bounded.error().message;
        ASSERT_GT(scorer.columnCalls, 0);
        expectSameEvaluation(full.value(), bounded.value());
        expectSameFiles(fullDir.path(), boundedDir.path());
    }
}

TEST(BoundedSearch, EqualsTheFullMatrixOnParallelSuites) {
    expectBoundedEqualsFull(true);
}

TEST(BoundedSearch, EqualsTheFullMatrixOnAMiraclLikeSuite) {
    expectBoundedEqualsFull(false);
}

TEST(BoundedSearch, TiesAreCountedLikeTheFullMatrix) {
    // The random suites tie a lot: make sure the comparison above covers tied relevant queries.
    const RandomSuite c = randomSuite(3, true);
    test::EmbeddingScorer scorer(c.suite, c.dimension, c.queries, c.candidates);
    mtrec::test::TempDir dir;
    Result<SuiteEvaluation> bounded =
        evaluateSuite(c.suite, scorer, boundedSearch(dir.path(), 5, 3));
    ASSERT_TRUE(bounded.ok());
    std::size_t tied = 0;
    for (const CellResult& cell : bounded.value().cells) tied += cell.tiedRelevantQueries;
    EXPECT_GT(tied, 10u);
}

// One language, candidates xx:0..xx:5 with 1-d vectors [5, 3, 3, 9, 1, 3]. Query q1 = [1] ranks
// xx:3 (9), xx:0 (5), then the three 3s by docno descending xx:5, xx:2, xx:1, then xx:4 (1).
// Query q2 = [-1] ranks xx:4 (-1), xx:5, xx:2, xx:1 (-3), xx:0 (-5), xx:3 (-9).
struct HandCase {
    data::RetrievalSuite suite;
    HandCase() {
        suite.name = "hand";
        suite.parallel = false;
        data::LanguageData language;
        language.code = "xx";
        for (int c = 0; c < 6; ++c) language.candidates.push_back({"xx:" + std::to_string(c), ""});
        language.queries = {{"q1", ""}, {"q2", ""}};
        language.judgments = {{{0, 2, 1}}, {{0, 3, 2}, {0, 1, 1}}};
        suite.languages.push_back(language);
    }
    test::EmbeddingScorer scorer() const {
        return test::EmbeddingScorer(suite, 1, {{1, -1}}, {{5, 3, 3, 9, 1, 3}});
    }
};

TEST(BoundedSearch, RanksRelevantCandidatesOutsideTheTopKExactly) {
    const HandCase hand;
    test::EmbeddingScorer scorer = hand.scorer();
    mtrec::test::TempDir dir;
    EvaluationOptions options = boundedSearch(dir.path(), 2, 3);  // 4-column chunks
    Result<SuiteEvaluation> result = evaluateSuite(hand.suite, scorer, options);
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result.value().queries.size(), 2u);
    // q1: xx:2 at rank 4 (two ties broken by docno) although only the top 2 are kept.
    const MetricValues& q1 = result.value().queries[0].values;
    EXPECT_DOUBLE_EQ(q1[metricIndex(Metric::Map)], 0.25);
    EXPECT_DOUBLE_EQ(q1[metricIndex(Metric::RecipRank)], 0.25);
    EXPECT_DOUBLE_EQ(q1[metricIndex(Metric::Recall1)], 0.0);
    EXPECT_DOUBLE_EQ(q1[metricIndex(Metric::Recall10)], 1.0);
    EXPECT_DOUBLE_EQ(q1[metricIndex(Metric::NdcgCut10)], 1.0 / std::log2(5.0));
    // q2: xx:1 (grade 1) at rank 4, xx:3 (grade 2) at rank 6.
    const MetricValues& q2 = result.value().queries[1].values;
    EXPECT_DOUBLE_EQ(q2[metricIndex(Metric::Map)], (1.0 / 4 + 2.0 / 6) / 2);
    EXPECT_DOUBLE_EQ(q2[metricIndex(Metric::RecipRank)], 0.25);
    EXPECT_DOUBLE_EQ(q2[metricIndex(Metric::NdcgCut10)],
                     (1 / std::log2(5.0) + 2 / std::log2(7.0)) / (2 + 1 / std::log2(3.0)));
    EXPECT_EQ(result.value().cells[0].tiedRelevantQueries, 2u);
}

TEST(BoundedSearch, KeepsTheDocnoTieBreakAtTheKthPosition) {
    const HandCase hand;
    test::EmbeddingScorer scorer = hand.scorer();
    mtrec::test::TempDir dir;
    EvaluationOptions options = boundedSearch(dir.path(), 3, 1);  // 2-column chunks
    ASSERT_TRUE(evaluateSuite(hand.suite, scorer, options).ok());
    // Position 3 is one of three tied 3s (-3s): the largest docno, xx:5, wins it.
    EXPECT_EQ(fileText(dir.path() / "xx-xx.run"),
              "q1 Q0 xx:3 1 9 embedding\n"
              "q1 Q0 xx:0 2 5 embedding\n"
              "q1 Q0 xx:5 3 3 embedding\n"
              "q2 Q0 xx:4 1 -1 embedding\n"
              "q2 Q0 xx:5 2 -3 embedding\n"
              "q2 Q0 xx:2 3 -3 embedding\n");
}

TEST(BoundedSearch, RefusesAWholeRankingExport) {
    const HandCase hand;
    test::EmbeddingScorer scorer = hand.scorer();
    mtrec::test::TempDir dir;
    Result<SuiteEvaluation> result =
        evaluateSuite(hand.suite, scorer, boundedSearch(dir.path(), 0, 1));
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("hand: a TREC export of the whole ranking (depth 0"),
              std::string::npos)
        << result.error().message;
    EXPECT_EQ(scorer.columnCalls, 0);  // refused before any scoring
}

TEST(BoundedSearch, ReportsProgressPerChunkWithAnEta) {
    const HandCase hand;
    test::EmbeddingScorer scorer = hand.scorer();
    EvaluationOptions options;
    options.boundedPoolThreshold = 0;
    options.columnChunk = 4;     // 2 chunks
    options.queryChunkRows = 1;  // 2 blocks
    std::vector<Progress> reports;
    options.progress = [&](const Progress& p) { reports.push_back(p); };
    ASSERT_TRUE(evaluateSuite(hand.suite, scorer, options).ok());
    ASSERT_EQ(reports.size(), 4u);
    for (std::size_t i = 0; i < reports.size(); ++i) {
        EXPECT_EQ(reports[i].phase, Phase::Ranking);
        EXPECT_EQ(reports[i].done, i + 1);
        EXPECT_EQ(reports[i].total, 4u);
        EXPECT_GE(reports[i].etaSeconds, 0.0);
    }
    EXPECT_EQ(reports.back().etaSeconds, 0.0);
}

TEST(BoundedSearch, IsUsedOnlyAboveThePoolThreshold) {
    const HandCase hand;
    test::EmbeddingScorer scorer = hand.scorer();
    EvaluationOptions options;
    options.boundedPoolThreshold = 6;  // the pool has 6 candidates: not more
    ASSERT_TRUE(evaluateSuite(hand.suite, scorer, options).ok());
    EXPECT_EQ(scorer.columnCalls, 0);
    options.boundedPoolThreshold = 5;
    ASSERT_TRUE(evaluateSuite(hand.suite, scorer, options).ok());
    EXPECT_GT(scorer.columnCalls, 0);
}

}  // namespace
}  // namespace mtrec::eval
