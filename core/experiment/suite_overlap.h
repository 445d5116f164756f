#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "data/pair_pool.h"
#include "data/retrieval_suite.h"

namespace mtrec::experiment {

/// `text` with every run of ASCII whitespace made one space and none at either end: how passages
/// are compared, so a sentence split or re-indented differently still matches.
std::string normalizeWhitespace(std::string_view text);

/// What an evaluation suite must not share with a run's training data: the question ids (group
/// ids) and the passages (answers and hard negatives, whitespace-normalised) of its QA pools.
/// The translation pool is left out: its "ids" are line numbers and its sentences are no passages.
class TrainingTexts {
public:
    /// Reads the pools given (typically TrainingData's train and validation); they need not outlive
    /// the object.
    explicit TrainingTexts(const std::vector<const data::PairPool*>& pools);

    bool hasQuestion(const std::string& id) const { return questions_.count(id) > 0; }
    bool hasPassage(const std::string& text) const {
        return passages_.count(normalizeWhitespace(text)) > 0;
    }

private:
    std::unordered_set<std::string> questions_;
    std::unordered_set<std::string> passages_;
};

/// How much of one suite also occurs in the training data.
struct SuiteOverlap {
    std::string suite;                          ///< the suite's name, e.g. "mlqa-r"
    std::size_t questions = 0;                  ///< distinct query ids over every language
    std::size_t sharedQuestions = 0;            ///< of those, ids the training data holds
    std::size_t passages = 0;                   ///< candidates over every language
    std::size_t sharedPassages = 0;             ///< of those, texts the training data holds
    std::vector<std::string> questionExamples;  ///< the first few shared ids, in suite order
    std::vector<std::string> passageExamples;   ///< the first few shared candidates, normalised

    bool any() const { return sharedQuestions > 0 || sharedPassages > 0; }
};

/// Examples kept per kind in SuiteOverlap.
inline constexpr std::size_t kOverlapExamples = 2;

SuiteOverlap findOverlap(const TrainingTexts& training, const data::RetrievalSuite& suite);

/// "1148 of 1148 questions and 2545 of 15234 passages also occur in the training data (<source>,
/// e.g. question id 5725…, passage "…")": the counts, where the training data came from, and the
/// examples (passages cut to 60 characters). Only meaningful when overlap.any().
std::string describeOverlap(const SuiteOverlap& overlap, const std::string& trainingSource);

}  // namespace mtrec::experiment
