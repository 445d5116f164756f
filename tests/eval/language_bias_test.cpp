#include <gtest/gtest.h>

#include <cmath>

#include "eval/language_bias.h"

namespace mtrec::eval {
namespace {

TEST(LanguageBias, RankDistanceMatricesAndTopTenShare) {
    LanguageBiasAccumulator bias({"ar", "de", "en"});
    // ar queries: best ranks per language (0 = no relevant candidate there).
    EXPECT_EQ(bias.addQuery(0, {1, 12, 5}), 11.0);
    EXPECT_EQ(bias.addQuery(0, {3, 0, 40}), 37.0);
    EXPECT_EQ(bias.addQuery(0, {0, 0, 7}), std::nullopt);  // one language: no rank distance
    // en queries.
    EXPECT_EQ(bias.addQuery(2, {2, 2, 1}), 1.0);
    const LanguageBias result = bias.result();

    EXPECT_DOUBLE_EQ(result.meanRank[0][0], 2.0);  // (1 + 3) / 2
    EXPECT_DOUBLE_EQ(result.meanRank[0][1], 12.0);
    EXPECT_DOUBLE_EQ(result.meanRank[0][2], (5 + 40 + 7) / 3.0);
    EXPECT_DOUBLE_EQ(result.top10Share[0][1], 0.0);
    EXPECT_DOUBLE_EQ(result.top10Share[0][2], 2.0 / 3);
    EXPECT_TRUE(std::isnan(result.meanRank[1][0]));  // no de queries
    EXPECT_DOUBLE_EQ(result.rankDistance[0], 24.0);  // (11 + 37) / 2
    EXPECT_TRUE(std::isnan(result.rankDistance[1]));
    EXPECT_DOUBLE_EQ(result.rankDistance[2], 1.0);
    EXPECT_EQ(result.rankDistanceQueries, (std::vector<std::size_t>{2, 0, 1}));
    EXPECT_DOUBLE_EQ(result.meanRankDistance, 12.5);  // mean over ar and en only
}

TEST(LanguageBias, WrongLanguageCountThrows) {
    LanguageBiasAccumulator bias({"ar", "de"});
    EXPECT_THROW(bias.addQuery(0, {1}), std::invalid_argument);
}

}  // namespace
}  // namespace mtrec::eval
