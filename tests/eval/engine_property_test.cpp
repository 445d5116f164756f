// evaluateSuite on random parallel suites with heavy score ties: its cells equal the TREC-form
// evaluation of its own depth-0 export, and nothing depends on threads, chunking or pool
// independence.
#include <gtest/gtest.h>

#include <random>

#include "data/trec_files.h"
#include "eval/trec_evaluator.h"
#include "scripted_scorer.h"
#include "test_support.h"

namespace mtrec::eval {
namespace {

struct RandomCase {
    data::RetrievalSuite suite;
    std::vector<std::vector<std::vector<float>>> scores;
};

RandomCase randomCase(unsigned seed) {
    std::mt19937 random(seed);
    RandomCase c;
    c.suite.name = "random";
    const std::size_t languages = 2 + random() % 3, queries = 1 + random() % 9;
    std::size_t total = 0;
    for (std::size_t l = 0; l < languages; ++l) {
        data::LanguageData language;
        language.code = "l" + std::to_string(l);
        const std::size_t candidates = 1 + random() % 20;
        for (std::size_t k = 0; k < candidates;
             ++k)  // docnos whose byte order differs from index order
            language.candidates.push_back(
                {language.code + ":" + std::to_string(random() % 50) + "." + std::to_string(k),
                 ""});
        total += candidates;
        c.suite.languages.push_back(std::move(language));
    }
    for (data::LanguageData& language : c.suite.languages) {
        auto& rows = c.scores.emplace_back();
        for (std::size_t q = 0; q < queries; ++q) {
            language.queries.push_back({"q" + std::to_string(q), ""});
            auto& judged = language.judgments.emplace_back();
            for (std::size_t y = 0; y < languages; ++y)
                for (std::size_t k = 0; k < c.suite.languages[y].candidates.size(); ++k)
                    if (random() % 6 == 0) judged.push_back({y, k, static_cast<int>(random() % 3)});
            auto& row = rows.emplace_back(total);
            for (float& s : row) s = static_cast<float>(random() % 4) / 3.0f;
        }
    }
    return c;
}

TEST(EngineProperty, ExportAgreesAndThreadsChunksPoolsDoNotMatter) {
    for (unsigned seed = 1; seed <= 25; ++seed) {
        const RandomCase c = randomCase(seed);
        test::ScriptedScorer reference(c.suite, c.scores, false);
        mtrec::test::TempDir dir;
        EvaluationOptions options;
        options.trecExportDir = dir.path().string();
        options.trecDepth = 0;
        Result<SuiteEvaluation> base = evaluateSuite(c.suite, reference, options);
        ASSERT_TRUE(base.ok()) << base.error().message;
        for (const CellResult& cell : base.value().cells) {
            const std::string stem =
                dir.path().string() + "/" + cell.queryLanguage + "-" + cell.candidateLanguage;
            auto qrels = data::readTrecQrels(stem + ".qrels");
            auto run = data::readTrecRun(stem + ".run");
            ASSERT_TRUE(qrels.ok() && run.ok()) << stem;
            if (cell.queryCount == 0) continue;  // trec_eval has nothing to average either
            auto trec = evaluateRun(qrels.value(), run.value());
            ASSERT_TRUE(trec.ok()) << trec.error().message;
            for (Metric m : kAllMetrics)
                ASSERT_DOUBLE_EQ(trec.value().mean[metricIndex(m)], cell.mean[metricIndex(m)])
                    << "seed " << seed << " " << stem << " " << trecName(m);
        }
        for (bool independent : {false, true}) {
            test::ScriptedScorer scorer(c.suite, c.scores, independent);
            EvaluationOptions other;
            other.threads = 3;
            other.queryChunkRows = 1 + seed % 4;
            Result<SuiteEvaluation> again = evaluateSuite(c.suite, scorer, other);
            ASSERT_TRUE(again.ok());
            ASSERT_EQ(again.value().queries.size(), base.value().queries.size());
            for (std::size_t i = 0; i < base.value().queries.size(); ++i) {
                EXPECT_EQ(again.value().queries[i].values, base.value().queries[i].values);
                EXPECT_EQ(again.value().queries[i].rankDistance,
                          base.value().queries[i].rankDistance);
            }
            EXPECT_EQ(again.value().bias->meanRankDistance, base.value().bias->meanRankDistance);
        }
    }
}

}  // namespace
}  // namespace mtrec::eval
