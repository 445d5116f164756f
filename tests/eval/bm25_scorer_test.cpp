#include <gtest/gtest.h>

#include <cmath>

#include "eval/bm25_scorer.h"

namespace mtrec::eval {
namespace {

data::RetrievalSuite bm25Suite() {
    data::RetrievalSuite suite;
    suite.name = "bm25-tiny";
    data::LanguageData en;
    en.code = "en";
    en.candidates = {
        {"en:0", "Apple banana."}, {"en:1", "apple, apple cherry"}, {"en:2", "banana"}};
    en.queries = {{"q1", "Apple cherry, APPLE?"}, {"q2", "durian"}};
    en.judgments = {{{0, 1, 1}}, {{0, 0, 1}}};
    data::LanguageData de;
    de.code = "de";
    de.candidates = {{"de:0", "Apfel"}, {"de:1", "Banana banana"}};
    de.queries = {{"q1", "Apfel"}, {"q2", "banana"}};
    de.judgments = {{{1, 0, 1}}, {{1, 1, 1}}};
    suite.languages = {en, de};
    return suite;
}

// tf / (tf + k1 (1 - b + b |d| / avgdl)) with Anserini's k1 = 0.9, b = 0.4.
double tfPart(double tf, double length, double averageLength) {
    return tf / (tf + 0.9 * (0.6 + 0.4 * length / averageLength));
}

TEST(Bm25Scorer, MonolingualPoolUsesItsOwnStatistics) {
    const data::RetrievalSuite suite = bm25Suite();
    Result<std::unique_ptr<Bm25Scorer>> scorer = Bm25Scorer::create(suite);
    ASSERT_TRUE(scorer.ok()) << scorer.error().message;
    EXPECT_EQ(scorer.value()->vocabularySize(), 4u);  // apple banana cherry apfel
    std::vector<float> scores(2 * 3);
    scorer.value()->score({0, 0, 2, {0}, 2}, scores.data());
    // N = 3, avgdl = 2; "apple" twice in the query (weight 2), df 2; "cherry" df 1.
    const double idfApple = std::log(1 + (3 - 2 + 0.5) / (2 + 0.5));
    const double idfCherry = std::log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    EXPECT_NEAR(scores[0], 2 * idfApple * tfPart(1, 2, 2), 1e-6);
    EXPECT_NEAR(scores[1], 2 * idfApple * tfPart(2, 3, 2) + idfCherry * tfPart(1, 3, 2), 1e-6);
    EXPECT_EQ(scores[2], 0.0f);
    for (int c = 3; c < 6; ++c) EXPECT_EQ(scores[c], 0.0f);  // "durian" is in no candidate
}

TEST(Bm25Scorer, MultilingualPoolUsesTheUnionsStatistics) {
    const data::RetrievalSuite suite = bm25Suite();
    Result<std::unique_ptr<Bm25Scorer>> scorer = Bm25Scorer::create(suite, {}, 2);
    ASSERT_TRUE(scorer.ok());
    std::vector<float> scores(5);
    scorer.value()->score({1, 1, 2, {0, 1}, 1}, scores.data());  // de "banana" against en + de
    // N = 5, avgdl = 9 / 5, df(banana) = 3.
    const double idf = std::log(1 + (5 - 3 + 0.5) / (3 + 0.5));
    EXPECT_NEAR(scores[0], idf * tfPart(1, 2, 1.8), 1e-6);
    EXPECT_EQ(scores[1], 0.0f);
    EXPECT_NEAR(scores[2], idf * tfPart(1, 1, 1.8), 1e-6);
    EXPECT_EQ(scores[3], 0.0f);
    EXPECT_NEAR(scores[4], idf * tfPart(2, 2, 1.8), 1e-6);
}

TEST(Bm25Scorer, RowsDoNotDependOnBlocksOrThreads) {
    const data::RetrievalSuite suite = bm25Suite();
    auto scorer = Bm25Scorer::create(suite).value();
    std::vector<float> whole(2 * 5), first(5), second(5);
    scorer->score({0, 0, 2, {0, 1}, 2}, whole.data());
    scorer->score({0, 0, 1, {0, 1}, 1}, first.data());
    scorer->score({0, 1, 2, {0, 1}, 1}, second.data());
    EXPECT_EQ(std::vector<float>(whole.begin(), whole.begin() + 5), first);
    EXPECT_EQ(std::vector<float>(whole.begin() + 5, whole.end()), second);
    EXPECT_THROW(scorer->score({0, 1, 3, {0}, 1}, whole.data()), std::out_of_range);
}

}  // namespace
}  // namespace mtrec::eval
