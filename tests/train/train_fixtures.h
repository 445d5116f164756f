#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "data/pair_pool.h"
#include "train/batch_sampler.h"

namespace mtrec::test {

/// A pool of `groups` fully parallel groups "g0", "g1", ... in every language of `languages`
/// (mono pairs (X, X) and cross pairs (X, Y) for all X != Y); `groupsOf` overrides the number of
/// groups a language has (its groups are the first ones). Texts are "q:<lang>:<group>" and
/// "p:<lang>:<group>"; every pair gets a hard negative "n:<lang>:<group>".
data::PairPool parallelPool(const std::vector<std::string>& languages, std::size_t groups,
                            const std::map<std::string, std::size_t>& groupsOf = {});

/// A pool of `count` translation pairs from `queryLang` to `passageLang`, groups "t<i>".
data::PairPool translationPool(const std::string& queryLang, const std::string& passageLang,
                               std::size_t count);

/// True when no two pairs of the batch share a group id.
bool groupsDistinct(const train::Batch& batch);

/// Pearson's chi-square statistic of observed counts against expected probabilities.
double chiSquare(const std::vector<double>& observed, const std::vector<double>& probabilities);

}  // namespace mtrec::test

namespace mtrec::test {

/// A question of a SQuAD-style fixture: id, question, and where its answer starts (code points).
struct FixtureQuestion {
    std::string id;
    std::string question;
    std::size_t answerStart = 0;
};
struct FixtureParagraph {
    std::string context;
    std::vector<FixtureQuestion> questions;
};

/// The SQuAD v1.1 JSON text of one article holding `paragraphs`.
std::string squadJson(const std::vector<FixtureParagraph>& paragraphs);

/// Writes a tiny parallel QA set into `dir` as MLQA names its files
/// (dev-context-XX-question-XX.json): en and de hold q1..q3, fr holds q1 and q2. Contexts have
/// three sentences (two in fr), plus a one-sentence paragraph for q3. Returns the folder.
std::string writeParallelQaFixture(const std::string& dir);

}  // namespace mtrec::test
