// The fast path (ranks of the relevant candidates only) against the TREC-form evaluator.
#include <cmath>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <random>

#include "eval/metrics.h"
#include "eval/relevant_ranks.h"
#include "eval/trec_evaluator.h"

namespace mtrec::eval {
namespace {

TEST(DocnoOrder, IsByteOrderPosition) {
    const std::string a = "en:10", b = "en:9", c = "de:1", d = "en:1";
    const std::vector<std::int32_t> order = docnoOrder({&a, &b, &c, &d});
    // Sorted: "de:1" < "en:1" < "en:10" < "en:9".
    EXPECT_EQ(order, (std::vector<std::int32_t>{2, 3, 0, 1}));
}

TEST(RankOfColumn, CountsTheOtherColumnsOfTheSameScore) {
    const std::string a = "d1", b = "d2", c = "d3", d = "d0";
    const std::vector<std::int32_t> order = docnoOrder({&a, &b, &c, &d});
    const std::vector<float> scores = {1.0f, 1.0f, 0.5f, 1.0f};
    const ColumnRank d1 = rankAndTiesOfColumn(scores.data(), order.data(), 4, 0);
    EXPECT_EQ(d1.rank, 2u);  // behind d2, ahead of d0 (docno descending)
    EXPECT_EQ(d1.ties, 2u);
    const ColumnRank d3 = rankAndTiesOfColumn(scores.data(), order.data(), 4, 2);
    EXPECT_EQ(d3.rank, 4u);
    EXPECT_EQ(d3.ties, 0u);
    const std::vector<float> withNan = {NAN, 1.0f};
    EXPECT_EQ(rankAndTiesOfColumn(withNan.data(), order.data(), 2, 0).ties, 0u);
}

TEST(RankOfColumn, TiesGoToTheLargerDocno) {
    const std::string a = "d1", b = "d2", c = "d3", d = "d0";
    const std::vector<std::int32_t> order = docnoOrder({&a, &b, &c, &d});
    const std::vector<float> scores = {1.0f, 1.0f, 0.5f, 2.0f};
    EXPECT_EQ(rankOfColumn(scores.data(), order.data(), 4, 3), 1u);  // d0, best score
    EXPECT_EQ(rankOfColumn(scores.data(), order.data(), 4, 1), 2u);  // d2 wins the tie
    EXPECT_EQ(rankOfColumn(scores.data(), order.data(), 4, 0), 3u);
    EXPECT_EQ(rankOfColumn(scores.data(), order.data(), 4, 2), 4u);
    EXPECT_EQ(topColumns(scores.data(), order.data(), 4, 0),
              (std::vector<std::uint32_t>{3, 1, 0, 2}));
    EXPECT_EQ(topColumns(scores.data(), order.data(), 4, 2), (std::vector<std::uint32_t>{3, 1}));
}

// Random pools with few distinct score values (many ties) and random docnos; per query, random
// graded judgments. The fast path must give exactly the TREC-form evaluator's values.
TEST(RankOfColumn, FastPathEqualsTrecFormOnRandomTies) {
    std::mt19937 random(20240817);
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t columns = 1 + random() % 300;
        std::vector<std::string> docnos;
        for (std::size_t j = 0; j < columns; ++j)
            docnos.push_back("d" + std::to_string(random() % 7) + ":" + std::to_string(j));
        std::vector<const std::string*> pointers;
        for (const std::string& docno : docnos) pointers.push_back(&docno);
        const std::vector<std::int32_t> order = docnoOrder(pointers);
        const int levels = 1 + static_cast<int>(random() % 6);

        data::TrecQrels qrels;
        data::TrecRun run;
        std::map<std::string, MetricValues> fast;
        for (int query = 0; query < 25; ++query) {
            const std::string qid = "q" + std::to_string(query);
            std::vector<float> scores(columns);
            for (float& s : scores) s = static_cast<float>(random() % levels) * 0.37f - 0.5f;
            std::vector<RankedRelevant> hits;
            std::vector<int> ideal;
            const std::size_t judged = 1 + random() % std::min<std::size_t>(columns, 15);
            std::vector<std::size_t> picks(columns);
            std::iota(picks.begin(), picks.end(), 0);
            std::shuffle(picks.begin(), picks.end(), random);
            for (std::size_t i = 0; i < judged; ++i) {
                const int grade = static_cast<int>(random() % 4);
                qrels[qid][docnos[picks[i]]] = grade;
                if (grade < 1) continue;
                hits.push_back(
                    {rankOfColumn(scores.data(), order.data(), columns, picks[i]), grade});
                ideal.push_back(grade);
            }
            std::sort(hits.begin(), hits.end(), [](auto& a, auto& b) { return a.rank < b.rank; });
            std::sort(ideal.begin(), ideal.end(), std::greater<int>());
            fast[qid] = computeMetrics(hits, ideal);
            for (std::size_t j = 0; j < columns; ++j) run[qid].push_back({docnos[j], scores[j]});
            std::shuffle(run[qid].begin(), run[qid].end(), random);
        }
        Result<RunEvaluation> reference = evaluateRun(qrels, run);
        ASSERT_TRUE(reference.ok()) << reference.error().message;
        for (const auto& [qid, values] : reference.value().perQuery)
            for (Metric metric : kAllMetrics)
                ASSERT_EQ(values[metricIndex(metric)], fast.at(qid)[metricIndex(metric)])
                    << "trial " << trial << " " << qid << " " << trecName(metric);
    }
}

}  // namespace
}  // namespace mtrec::eval
