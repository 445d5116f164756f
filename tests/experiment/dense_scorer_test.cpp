#include <gtest/gtest.h>

#include "experiment/dense_scorer.h"
#include "eval/suite_evaluation.h"

namespace mtrec::experiment {
namespace {

using namespace mtrec::eval;

data::RetrievalSuite denseSuite() {
    data::RetrievalSuite suite;
    suite.name = "dense-tiny";
    for (const char* code : {"en", "de"}) {
        data::LanguageData language;
        language.code = code;
        language.candidates = {{std::string(code) + ":0", ""}, {std::string(code) + ":1", ""}};
        language.queries = {{"q1", ""}};
        language.judgments = {{{0, 0, 1}, {1, 0, 1}}};
        suite.languages.push_back(language);
    }
    return suite;
}

// Small integers: every dot product is exact whatever the summation order.
std::vector<LanguageEmbeddings> denseEmbeddings() {
    return {{{1, 3, {1, 2, 0}}, {2, 3, {1, 0, 0, 0, 1, 0}}},
            {{1, 3, {0, 1, 3}}, {2, 3, {2, 2, 2, 0, 0, 1}}}};
}

TEST(DenseScorer, ScoresAreDotProductsOverThePool) {
    const data::RetrievalSuite suite = denseSuite();
    auto scorer = DenseScorer::create(suite, denseEmbeddings());
    ASSERT_TRUE(scorer.ok()) << scorer.error().message;
    std::vector<float> scores(4);
    scorer.value()->score({0, 0, 1, {1, 0}, 2}, scores.data());  // pool: de then en
    EXPECT_EQ(scores, (std::vector<float>{6, 0, 1, 2}));
    std::vector<float> de(2);
    scorer.value()->score({1, 0, 1, {1}, 1}, de.data());
    EXPECT_EQ(de, (std::vector<float>{8, 3}));
}

TEST(DenseScorer, RejectsMismatchedShapes) {
    const data::RetrievalSuite suite = denseSuite();
    std::vector<LanguageEmbeddings> embeddings = denseEmbeddings();
    embeddings[1].candidates.rows = 3;
    Result<std::unique_ptr<DenseScorer>> scorer = DenseScorer::create(suite, embeddings);
    ASSERT_FALSE(scorer.ok());
    EXPECT_NE(scorer.error().message.find("(de)"), std::string::npos);
    EXPECT_FALSE(DenseScorer::create(suite, {denseEmbeddings()[0]}).ok());
}

TEST(DenseScorer, EvaluatesMulWithOneProductPerLanguage) {
    const data::RetrievalSuite suite = denseSuite();
    auto scorer = DenseScorer::create(suite, denseEmbeddings(), "tiny-dense").value();
    Result<SuiteEvaluation> result = evaluateSuite(suite, *scorer, EvaluationOptions{});
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.value().runId, "tiny-dense");
    // en q1 Mul scores [en:0 1, en:1 2, de:0 6, de:1 0]: de:0 ranks 1st, en:0 3rd.
    const CellResult& mul = result.value().cells[4];
    ASSERT_EQ(mul.candidateLanguage, "all");
    EXPECT_DOUBLE_EQ(mul.mean[metricIndex(Metric::Map)], (1 + 2.0 / 3) / 2);
    ASSERT_EQ(result.value().queries.size(), 6u);
    EXPECT_EQ(result.value().queries[4].rankDistance, 2.0);
}

}  // namespace
}  // namespace mtrec::experiment
