// DenseScorer in the bounded search (scoreColumns, column chunks) against the whole-pool path
// (score). Both compute every score with the same fixed-order kernel, so the evaluations and the
// TREC files are identical for small-integer vectors with many ties and for normal floats alike.
#include <gtest/gtest.h>

#include "eval/dense_suite_fixture.h"
#include "experiment/dense_scorer.h"
#include "test_support.h"

namespace mtrec::experiment {
namespace {

using namespace mtrec::eval;
namespace fixture = mtrec::eval::test;

std::vector<LanguageEmbeddings> embeddingsOf(const fixture::RandomSuite& c) {
    std::vector<LanguageEmbeddings> embeddings;
    for (std::size_t l = 0; l < c.suite.languages.size(); ++l) {
        const auto& language = c.suite.languages[l];
        embeddings.push_back({{language.queries.size(), c.dimension, c.queries[l]},
                              {language.candidates.size(), c.dimension, c.candidates[l]}});
    }
    return embeddings;
}

Result<SuiteEvaluation> evaluate(const fixture::RandomSuite& c, bool bounded,
                                 const std::filesystem::path& exportDir, unsigned seed) {
    auto scorer = DenseScorer::create(c.suite, embeddingsOf(c));
    if (!scorer) return scorer.error();
    EvaluationOptions options;
    options.trecExportDir = exportDir.string();
    options.trecDepth = 5;
    options.boundedPoolThreshold = bounded ? 0 : std::numeric_limits<std::size_t>::max();
    options.columnChunk = 3 + seed % 13;
    options.queryChunkRows = 1 + seed % 5;
    options.threads = 1 + static_cast<int>(seed % 2);
    return evaluateSuite(c.suite, *scorer.value(), options);
}

TEST(DenseBoundedSearch, IntegerVectorsWithTiesGiveTheFullMatrixEvaluation) {
    for (bool parallel : {true, false}) {
        for (unsigned seed = 1; seed <= 8; ++seed) {
            SCOPED_TRACE("seed " + std::to_string(seed) + (parallel ? " parallel" : " miracl"));
            const fixture::RandomSuite c = fixture::randomSuite(seed, parallel);
            mtrec::test::TempDir fullDir, boundedDir;
            Result<SuiteEvaluation> full = evaluate(c, false, fullDir.path(), seed);
            Result<SuiteEvaluation> bounded = evaluate(c, true, boundedDir.path(), seed);
            ASSERT_TRUE(full.ok() && bounded.ok());
            fixture::expectSameEvaluation(full.value(), bounded.value());
            fixture::expectSameFiles(fullDir.path(), boundedDir.path());
        }
    }
}

TEST(DenseBoundedSearch, RandomFloatVectorsGiveTheSameEvaluation) {
    for (unsigned seed = 1; seed <= 8; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const fixture::RandomSuite c = fixture::randomSuite(seed, true, true);
        mtrec::test::TempDir fullDir, boundedDir;
        Result<SuiteEvaluation> full = evaluate(c, false, fullDir.path(), seed);
        Result<SuiteEvaluation> bounded = evaluate(c, true, boundedDir.path(), seed);
        ASSERT_TRUE(full.ok() && bounded.ok());
        fixture::expectSameEvaluation(full.value(), bounded.value());
        fixture::expectSameFiles(fullDir.path(), boundedDir.path());
    }
}

TEST(DenseBoundedSearch, ColumnScoresAreOneValueInAnyChunk) {
    const fixture::RandomSuite c = fixture::randomSuite(4, true, true);
    auto scorer = DenseScorer::create(c.suite, embeddingsOf(c)).value();
    const std::vector<std::size_t> pool = {1, 0};  // l1's candidates, then l0's
    const std::size_t size =
        c.suite.languages[0].candidates.size() + c.suite.languages[1].candidates.size();
    std::vector<std::uint32_t> all(size);
    for (std::uint32_t i = 0; i < size; ++i) all[i] = i;
    std::vector<float> chunk(2 * size);
    scorer->scoreColumns({0, 1, 3, pool, 2}, all.data(), size, chunk.data());
    for (std::uint32_t column : {0u, 7u, static_cast<std::uint32_t>(size - 1)}) {
        float alone = 0;
        scorer->scoreColumns({0, 2, 3, pool, 1}, &column, 1, &alone);
        EXPECT_EQ(alone, chunk[size + column]) << column;
    }
    // Column 0 of the pool is l1's first candidate: its score is that dot product, to rounding.
    float dot = 0;
    for (std::size_t k = 0; k < c.dimension; ++k)
        dot += c.queries[0][c.dimension + k] * c.candidates[1][k];
    EXPECT_NEAR(chunk[0], dot, 1e-5);
}

}  // namespace
}  // namespace mtrec::experiment
