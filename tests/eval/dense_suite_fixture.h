#pragma once

// Random dense suites with small-integer vectors, and exact comparisons of two evaluations of one
// suite (the full score matrix against the bounded search).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "data/retrieval_suite.h"
#include "eval/suite_evaluation.h"

namespace mtrec::eval::test {

/// A suite with its vectors: queries[l] and candidates[l] row-major, `dimension` floats a row.
struct RandomSuite {
    data::RetrievalSuite suite;
    std::size_t dimension = 3;
    std::vector<std::vector<float>> queries, candidates;
};

/// Values in {-1, 0, 1, 2} in 3 dimensions: every product is exact and most scores tie with others.
/// With `gaussian`, normal floats in 16 dimensions instead (no exact ties).
inline RandomSuite randomSuite(unsigned seed, bool parallel, bool gaussian = false) {
    std::mt19937 random(seed);
    std::normal_distribution<float> normal;
    RandomSuite c;
    c.dimension = gaussian ? 16 : 3;
    c.suite.name = parallel ? "random-parallel" : "random-miracl";
    c.suite.parallel = parallel;
    const std::size_t languages = 2 + random() % 2, queries = 3 + random() % 10;
    const auto value = [&] {
        return gaussian ? normal(random) : static_cast<float>(static_cast<int>(random() % 4) - 1);
    };
    for (std::size_t l = 0; l < languages; ++l) {
        data::LanguageData language;
        language.code = "l" + std::to_string(l);
        const std::size_t candidates = 20 + random() % 40;
        for (std::size_t k = 0; k < candidates; ++k)  // docno byte order differs from index order
            language.candidates.push_back(
                {language.code + ":" + std::to_string(random() % 50) + "." + std::to_string(k),
                 ""});
        auto& vectors = c.candidates.emplace_back(candidates * c.dimension);
        for (float& v : vectors) v = value();
        c.suite.languages.push_back(std::move(language));
    }
    for (std::size_t x = 0; x < languages; ++x) {
        data::LanguageData& language = c.suite.languages[x];
        auto& vectors = c.queries.emplace_back(queries * c.dimension);
        for (float& v : vectors) v = value();
        for (std::size_t q = 0; q < queries; ++q) {
            language.queries.push_back({"q" + std::to_string(q), ""});
            auto& judged = language.judgments.emplace_back();
            for (std::size_t y = 0; y < languages; ++y) {
                if (!parallel && y != x) continue;
                for (std::size_t k = 0; k < c.suite.languages[y].candidates.size(); ++k)
                    if (random() % 9 == 0) judged.push_back({y, k, static_cast<int>(random() % 3)});
            }
        }
    }
    return c;
}

inline bool sameOrBothNan(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

inline void expectSameMatrix(const std::vector<std::vector<double>>& a,
                             const std::vector<std::vector<double>>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = 0; j < a[i].size(); ++j)
            EXPECT_TRUE(sameOrBothNan(a[i][j], b[i][j])) << i << "," << j;
}

inline void expectSameEvaluation(const SuiteEvaluation& a, const SuiteEvaluation& b) {
    ASSERT_EQ(a.cells.size(), b.cells.size());
    for (std::size_t i = 0; i < a.cells.size(); ++i) {
        EXPECT_EQ(a.cells[i].queryLanguage, b.cells[i].queryLanguage);
        EXPECT_EQ(a.cells[i].candidateLanguage, b.cells[i].candidateLanguage);
        EXPECT_EQ(a.cells[i].queryCount, b.cells[i].queryCount);
        EXPECT_EQ(a.cells[i].mean, b.cells[i].mean) << i;
        EXPECT_EQ(a.cells[i].tiedRelevantQueries, b.cells[i].tiedRelevantQueries) << i;
    }
    ASSERT_EQ(a.queries.size(), b.queries.size());
    for (std::size_t i = 0; i < a.queries.size(); ++i) {
        EXPECT_EQ(a.queries[i].qid, b.queries[i].qid);
        EXPECT_EQ(a.queries[i].values, b.queries[i].values) << a.queries[i].qid;
        EXPECT_EQ(a.queries[i].rankDistance, b.queries[i].rankDistance) << a.queries[i].qid;
    }
    ASSERT_EQ(a.summaries.size(), b.summaries.size());
    for (std::size_t i = 0; i < a.summaries.size(); ++i)
        EXPECT_EQ(a.summaries[i].mean, b.summaries[i].mean);
    ASSERT_EQ(a.bias.has_value(), b.bias.has_value());
    if (!a.bias) return;
    expectSameMatrix(a.bias->meanRank, b.bias->meanRank);
    expectSameMatrix(a.bias->top10Share, b.bias->top10Share);
    EXPECT_EQ(a.bias->rankDistanceQueries, b.bias->rankDistanceQueries);
    EXPECT_TRUE(sameOrBothNan(a.bias->meanRankDistance, b.bias->meanRankDistance));
}

inline std::string fileText(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void expectSameFiles(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(a)) {
        const auto other = b / entry.path().filename();
        ASSERT_TRUE(std::filesystem::exists(other)) << other;
        EXPECT_EQ(fileText(entry.path()), fileText(other)) << entry.path().filename();
        ++files;
    }
    EXPECT_EQ(files,
              static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(b), {})));
    EXPECT_GT(files, 0u);
}

}  // namespace mtrec::eval::test
