// Hand-computed trec_eval cases for the shared metric formulas and the TREC-form evaluator.
#include <gtest/gtest.h>

#include <cmath>

#include "eval/metrics.h"
#include "eval/trec_evaluator.h"

namespace mtrec::eval {
namespace {

double value(const MetricValues& values, Metric metric) {
    return values[metricIndex(metric)];
}

TEST(MetricNames, MatchTrecEvalOutputNames) {
    EXPECT_EQ(trecName(Metric::Map), "map");
    EXPECT_EQ(trecName(Metric::RecipRank), "recip_rank");
    EXPECT_EQ(trecName(Metric::Recall1), "recall_1");
    EXPECT_EQ(trecName(Metric::Recall10), "recall_10");
    EXPECT_EQ(trecName(Metric::Recall100), "recall_100");
    EXPECT_EQ(trecName(Metric::P1), "P_1");
    EXPECT_EQ(trecName(Metric::NdcgCut10), "ndcg_cut_10");
    EXPECT_EQ(metricFromTrecName("ndcg_cut_10"), Metric::NdcgCut10);
    EXPECT_EQ(metricFromTrecName("P_10"), std::nullopt);
    EXPECT_EQ(settingName(Setting::Mul), "Mul");
}

TEST(ComputeMetrics, ManyRelevantOneNeverRetrieved) {
    // R = 4; relevant at ranks 2, 3, 5; the fourth is not ranked.
    const MetricValues v = computeMetrics({{2, 1}, {3, 1}, {5, 1}}, {1, 1, 1, 1});
    EXPECT_DOUBLE_EQ(value(v, Metric::Map), (1.0 / 2 + 2.0 / 3 + 3.0 / 5) / 4);
    EXPECT_DOUBLE_EQ(value(v, Metric::RecipRank), 0.5);
    EXPECT_DOUBLE_EQ(value(v, Metric::Recall1), 0.0);
    EXPECT_DOUBLE_EQ(value(v, Metric::Recall10), 0.75);
    EXPECT_DOUBLE_EQ(value(v, Metric::Recall100), 0.75);
    EXPECT_DOUBLE_EQ(value(v, Metric::P1), 0.0);
    const double dcg = 1 / std::log2(3.0) + 1 / std::log2(4.0) + 1 / std::log2(6.0);
    const double ideal = 1 + 1 / std::log2(3.0) + 1 / std::log2(4.0) + 1 / std::log2(5.0);
    EXPECT_DOUBLE_EQ(value(v, Metric::NdcgCut10), dcg / ideal);
}

TEST(ComputeMetrics, CutoffsAreInclusive) {
    // Relevant at ranks 10, 100 and 101 of R = 3.
    const MetricValues v = computeMetrics({{10, 1}, {100, 1}, {101, 1}}, {1, 1, 1});
    EXPECT_DOUBLE_EQ(value(v, Metric::Recall10), 1.0 / 3);
    EXPECT_DOUBLE_EQ(value(v, Metric::Recall100), 2.0 / 3);
    EXPECT_DOUBLE_EQ(value(v, Metric::RecipRank), 0.1);
    EXPECT_DOUBLE_EQ(value(v, Metric::NdcgCut10),
                     (1 / std::log2(11.0)) / (1 + 1 / std::log2(3.0) + 1 / std::log2(4.0)));
}

TEST(ComputeMetrics, NoRelevantJudgedGivesZeros) {
    const MetricValues v = computeMetrics({}, {});
    for (double x : v) EXPECT_EQ(x, 0.0);
}

TEST(ComputeMetrics, IdealDcgStopsAtTen) {
    // Eleven relevant of grade 1, all in the top 11: ndcg_cut_10 is exactly 1.
    std::vector<RankedRelevant> hits;
    for (std::size_t rank = 1; rank <= 11; ++rank) hits.push_back({rank, 1});
    const MetricValues v = computeMetrics(hits, std::vector<int>(11, 1));
    EXPECT_DOUBLE_EQ(value(v, Metric::NdcgCut10), 1.0);
    EXPECT_DOUBLE_EQ(value(v, Metric::Recall10), 10.0 / 11);
    EXPECT_DOUBLE_EQ(value(v, Metric::Map), 1.0);
}

data::TrecRun tieRun() {
    data::TrecRun run;
    // Equal scores: trec_eval ranks d2 before d1 (docno descending); file order plays no part.
    run["q1"] = {{"d1", 1.0}, {"d2", 1.0}, {"d3", 0.5}};
    // d6 relevant, never retrieved.
    run["q2"] = {{"d7", 0.8}, {"d5", 0.9}};
    // Graded: a=2 ranked 1, c judged 0 ranked 2, b=1 ranked 3, d=3 not retrieved.
    run["q3"] = {{"b", 1.0}, {"c", 2.0}, {"a", 3.0}};
    run["q4"] = {{"x", 1.0}};
    run["q9"] = {{"d1", 1.0}};  // not in the qrels: ignored
    return run;
}

data::TrecQrels tieQrels() {
    data::TrecQrels qrels;
    qrels["q1"] = {{"d1", 1}};
    qrels["q2"] = {{"d5", 1}, {"d6", 1}};
    qrels["q3"] = {{"a", 2}, {"b", 1}, {"c", 0}, {"d", 3}};
    qrels["q4"] = {{"x", 0}};  // only non-relevant judgments: evaluated, all zeros
    return qrels;
}

TEST(EvaluateRun, TiesRankByDocnoDescending) {
    Result<RunEvaluation> result = evaluateRun(tieQrels(), tieRun());
    ASSERT_TRUE(result.ok()) << result.error().message;
    const MetricValues& q1 = result.value().perQuery.at("q1");
    EXPECT_DOUBLE_EQ(value(q1, Metric::Map), 0.5);
    EXPECT_DOUBLE_EQ(value(q1, Metric::RecipRank), 0.5);
    EXPECT_DOUBLE_EQ(value(q1, Metric::Recall1), 0.0);
    EXPECT_DOUBLE_EQ(value(q1, Metric::Recall10), 1.0);
    EXPECT_DOUBLE_EQ(value(q1, Metric::P1), 0.0);
    EXPECT_DOUBLE_EQ(value(q1, Metric::NdcgCut10), 1 / std::log2(3.0));
}

TEST(EvaluateRun, RelevantNeverRetrievedCountsInR) {
    Result<RunEvaluation> result = evaluateRun(tieQrels(), tieRun());
    ASSERT_TRUE(result.ok());
    const MetricValues& q2 = result.value().perQuery.at("q2");
    EXPECT_DOUBLE_EQ(value(q2, Metric::Map), 0.5);
    EXPECT_DOUBLE_EQ(value(q2, Metric::RecipRank), 1.0);
    EXPECT_DOUBLE_EQ(value(q2, Metric::Recall1), 0.5);
    EXPECT_DOUBLE_EQ(value(q2, Metric::Recall100), 0.5);
    EXPECT_DOUBLE_EQ(value(q2, Metric::P1), 1.0);
    EXPECT_DOUBLE_EQ(value(q2, Metric::NdcgCut10), 1 / (1 + 1 / std::log2(3.0)));
}

TEST(EvaluateRun, GradedRelevanceForNdcg) {
    Result<RunEvaluation> result = evaluateRun(tieQrels(), tieRun());
    ASSERT_TRUE(result.ok());
    const MetricValues& q3 = result.value().perQuery.at("q3");
    EXPECT_DOUBLE_EQ(value(q3, Metric::Map), (1.0 + 2.0 / 3) / 3);
    EXPECT_DOUBLE_EQ(value(q3, Metric::Recall1), 1.0 / 3);
    EXPECT_DOUBLE_EQ(value(q3, Metric::Recall10), 2.0 / 3);
    EXPECT_DOUBLE_EQ(value(q3, Metric::P1), 1.0);
    EXPECT_DOUBLE_EQ(value(q3, Metric::NdcgCut10),
                     (2.0 + 1 / std::log2(4.0)) / (3.0 + 2 / std::log2(3.0) + 1 / std::log2(4.0)));
    EXPECT_NEAR(value(q3, Metric::NdcgCut10), 0.5250, 5e-5);  // trec_eval -q printed 0.5250
}

TEST(EvaluateRun, MeanOverQrelsQueriesIncludingAllZeroOnes) {
    Result<RunEvaluation> result = evaluateRun(tieQrels(), tieRun());
    ASSERT_TRUE(result.ok());
    const RunEvaluation& run = result.value();
    ASSERT_EQ(run.perQuery.size(), 4u);  // q9 ignored, q4 kept
    for (double x : run.perQuery.at("q4")) EXPECT_EQ(x, 0.0);
    EXPECT_DOUBLE_EQ(value(run.mean, Metric::Map), (0.5 + 0.5 + (1.0 + 2.0 / 3) / 3 + 0.0) / 4);
    EXPECT_DOUBLE_EQ(value(run.mean, Metric::P1), (0.0 + 1.0 + 1.0 + 0.0) / 4);
}

TEST(EvaluateRun, QueryMissingFromRunIsAnErrorUnlessComplete) {
    data::TrecQrels qrels = tieQrels();
    qrels["q5"] = {{"d1", 1}};
    Result<RunEvaluation> strict = evaluateRun(qrels, tieRun());
    ASSERT_FALSE(strict.ok());
    EXPECT_NE(strict.error().message.find("'q5'"), std::string::npos);

    Result<RunEvaluation> complete = evaluateRun(qrels, tieRun(), {true});
    ASSERT_TRUE(complete.ok());
    for (double x : complete.value().perQuery.at("q5")) EXPECT_EQ(x, 0.0);
    EXPECT_EQ(complete.value().perQuery.size(), 5u);
    EXPECT_DOUBLE_EQ(value(complete.value().mean, Metric::P1), 2.0 / 5);
}

TEST(EvaluateRun, EmptyRankingScoresZero) {
    data::TrecRun run;
    run["q1"] = {};
    Result<RunEvaluation> result = evaluateRun({{"q1", {{"d1", 1}}}}, run);
    ASSERT_TRUE(result.ok());
    for (double x : result.value().mean) EXPECT_EQ(x, 0.0);
}

TEST(EvaluateRun, RejectsDuplicateDocnoAndEmptyQrels) {
    data::TrecRun run;
    run["q1"] = {{"d1", 1.0}, {"d2", 0.5}, {"d1", 0.2}};
    EXPECT_FALSE(evaluateRun({{"q1", {{"d1", 1}}}}, run).ok());
    EXPECT_FALSE(evaluateRun({}, tieRun()).ok());
}

}  // namespace
}  // namespace mtrec::eval
