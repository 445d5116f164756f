// The held-out cross-lingual MRR that can select checkpoints: its candidates, its relevance and
// its reciprocal ranks, on hand-made embeddings.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include "train/validation_ranking.h"

namespace mtrec::train {
namespace {

data::TrainingPair pair(const std::string& group, const std::string& queryLang,
                        const std::string& passageLang, const std::string& query,
                        const std::string& passage) {
    return {group, queryLang, passageLang, query, passage, std::nullopt};
}

/// Three groups in en and de: en→de and de→en pairs, and the mono pools that hold the same
/// passages. g3's German passage occurs only in the de-de pool.
data::PairPool threeGroups() {
    data::PairPool pool;
    pool.add(pair("g1", "en", "de", "q1 en", "p1 de"));
    pool.add(pair("g2", "en", "de", "q2 en", "p2 de"));
    pool.add(pair("g1", "de", "en", "q1 de", "p1 en"));
    pool.add(pair("g2", "de", "en", "q2 de", "p2 en"));
    pool.add(pair("g3", "de", "en", "q3 de", "p3 en"));
    pool.add(pair("g3", "de", "de", "q3 de", "p3 de"));
    pool.add(pair("g1", "en", "en", "q1 en", "p1 en"));
    return pool;
}

at::Tensor rows(std::vector<std::vector<float>> values) {
    std::vector<at::Tensor> out;
    for (const std::vector<float>& row : values) out.push_back(torch::tensor(row));
    return torch::stack(out);
}

// Pools are read in language-pair order (de-de, de-en, en-de, en-en), pairs in pool order.
TEST(ValidationRanking, CandidatesAreTheDistinctPassagesOfEveryPoolInFirstSeenOrder) {
    const ValidationRanking ranking(threeGroups());
    EXPECT_EQ(ranking.candidateTexts("de"), (std::vector<std::string>{"p3 de", "p1 de", "p2 de"}));
    EXPECT_EQ(ranking.candidateTexts("en"), (std::vector<std::string>{"p1 en", "p2 en", "p3 en"}));
    EXPECT_EQ(ranking.queryTexts("en"), (std::vector<std::string>{"q1 en", "q2 en"}));
    EXPECT_EQ(ranking.queryTexts("de"), (std::vector<std::string>{"q1 de", "q2 de", "q3 de"}));
    EXPECT_TRUE(ranking.queryTexts("fr").empty());
    EXPECT_EQ(ranking.crossLanguagePairs(), 2u);
    EXPECT_EQ(ranking.crossQueries(), 5u);
}

// en→de: q1's passage ranks first (RR 1); q2's second, behind p3 de — a candidate only the de-de
// pool holds (RR 1/2); mean 3/4. de→en: q1 first, q2 third behind p1 and p3 (1/3), q3 second
// behind p1 (1/2); mean 11/18. crossMrr averages the language pairs: (3/4 + 11/18) / 2 = 49/72.
TEST(ValidationRanking, MeanOverLanguagePairsOfTheMeanReciprocalRank) {
    const ValidationRanking ranking(threeGroups());
    const std::map<std::string, at::Tensor> queries = {
        {"en", rows({{1, 0, 0}, {0, 1, 0}})}, {"de", rows({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})}};
    const std::map<std::string, at::Tensor> candidates = {
        // de candidates p3, p1, p2 against en queries q1 = e1, q2 = e2
        {"de", rows({{0.1f, 0.8f, 0}, {0.9f, 0, 0}, {0, 0.5f, 0}})},
        // en candidates p1, p2, p3 against de queries q1 = e1, q2 = e2, q3 = e3
        {"en", rows({{0.9f, 0.9f, 0.9f}, {0, 0.1f, 0}, {0, 0.7f, 0.5f}})}};
    EXPECT_NEAR(ranking.crossMrr(queries, candidates), 49.0 / 72.0, 1e-12);
}

// A relevant passage tied with a non-relevant one is not beaten by it: only strictly higher
// scores push it down.
TEST(ValidationRanking, TiesDoNotLowerTheRank) {
    data::PairPool pool;
    pool.add(pair("g1", "en", "de", "q1 en", "p1 de"));
    pool.add(pair("g2", "en", "de", "q2 en", "p2 de"));
    const ValidationRanking ranking(pool);
    const std::map<std::string, at::Tensor> queries = {{"en", rows({{1, 0}, {0, 1}})}};
    const std::map<std::string, at::Tensor> candidates = {{"de", rows({{1, 1}, {1, 1}})}};
    EXPECT_DOUBLE_EQ(ranking.crossMrr(queries, candidates), 1.0);
}

// A passage text two groups share is one candidate, relevant to both.
TEST(ValidationRanking, APassageSharedByTwoGroupsIsOneCandidateRelevantToBoth) {
    data::PairPool pool;
    pool.add(pair("g1", "en", "de", "q1 en", "same de"));
    pool.add(pair("g2", "en", "de", "q2 en", "same de"));
    pool.add(pair("g3", "en", "de", "q3 en", "other de"));
    const ValidationRanking ranking(pool);
    EXPECT_EQ(ranking.candidateTexts("de"), (std::vector<std::string>{"same de", "other de"}));
    const std::map<std::string, at::Tensor> queries = {{"en", rows({{1, 0}, {1, 0}, {1, 0}})}};
    const std::map<std::string, at::Tensor> candidates = {{"de", rows({{1, 0}, {0, 1}})}};
    // q1, q2: "same de" first (RR 1); q3: "other de" second (RR 1/2).
    EXPECT_NEAR(ranking.crossMrr(queries, candidates), 2.5 / 3.0, 1e-12);
}

TEST(ValidationRanking, MonolingualPoolsAloneHaveNothingToRank) {
    data::PairPool pool;
    pool.add(pair("g1", "en", "en", "q1 en", "p1 en"));
    const ValidationRanking ranking(pool);
    EXPECT_TRUE(ranking.empty());
    EXPECT_THROW(static_cast<void>(ranking.crossMrr({}, {})), std::logic_error);
}

}  // namespace
}  // namespace mtrec::train
