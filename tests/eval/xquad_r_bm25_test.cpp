// BM25 on the real XQuAD-R (en and de only, to stay quick): the engine's cell means equal what
// trec_eval 10 printed for this project's depth-all export of the same pairs
// (trec_eval -m map -m recip_rank -m recall.1,10,100 -m P.1 -m ndcg_cut.10 <X-Y>.qrels <X-Y>.run).
// Skips when the public datasets are absent.
#include <gtest/gtest.h>

#include "data/xquad_r_reader.h"
#include "eval/bm25_scorer.h"
#include "eval/suite_evaluation.h"
#include "test_support.h"

namespace mtrec::eval {
namespace {

struct Expected {
    std::string x, y;
    Metric metric;
    double trecEval;  // 4 decimals, as trec_eval prints
};

TEST(XquadRBm25, MatchesTrecEvalOnTheExport) {
    MTREC_REQUIRE_DATASET("xquad-r");
    Result<data::RetrievalSuite> suite =
        data::readXquadR((datasetRoot / "xquad-r" / "xquad-r").string(), {"en", "de"});
    ASSERT_TRUE(suite.ok()) << suite.error().message;
    auto scorer = Bm25Scorer::create(suite.value(), {}, 2);
    ASSERT_TRUE(scorer.ok()) << scorer.error().message;
    EvaluationOptions options;
    options.threads = 2;
    Result<SuiteEvaluation> result = evaluateSuite(suite.value(), *scorer.value(), options);
    ASSERT_TRUE(result.ok()) << result.error().message;

    const std::vector<Expected> expected = {
        {"en", "en", Metric::Map, 0.8029},        {"en", "en", Metric::Recall1, 0.7277},
        {"en", "en", Metric::Recall100, 0.9655},  {"en", "en", Metric::NdcgCut10, 0.8321},
        {"de", "en", Metric::Map, 0.2973},        {"de", "en", Metric::Recall10, 0.4034},
        {"en", "all", Metric::Map, 0.4710},       {"en", "all", Metric::RecipRank, 0.7889},
        {"en", "all", Metric::Recall10, 0.5559},  {"en", "all", Metric::P1, 0.7151},
        {"de", "all", Metric::NdcgCut10, 0.5235}, {"de", "all", Metric::Recall1, 0.3151}};
    for (const Expected& e : expected) {
        const CellResult* found = nullptr;
        for (const CellResult& cell : result.value().cells)
            if (cell.queryLanguage == e.x && cell.candidateLanguage == e.y) found = &cell;
        ASSERT_NE(found, nullptr) << e.x << "-" << e.y;
        EXPECT_EQ(found->queryCount, 1190u);
        EXPECT_NEAR(found->mean[metricIndex(e.metric)], e.trecEval, 5.01e-5)
            << e.x << "-" << e.y << " " << trecName(e.metric);
    }
    ASSERT_TRUE(result.value().bias.has_value());
    EXPECT_EQ(result.value().bias->rankDistanceQueries, (std::vector<std::size_t>{1190, 1190}));
}

}  // namespace
}  // namespace mtrec::eval
