#include "data/parallel_answers.h"

#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace mtrec::data {
namespace {

using QidIndex = std::unordered_map<std::string, std::size_t>;

QidIndex indexQids(const LanguageData& language) {
    QidIndex index;
    index.reserve(language.queries.size());
    for (std::size_t i = 0; i < language.queries.size(); ++i)
        index.emplace(language.queries[i].qid, i);
    return index;
}

/// The first qid of `from`, in file order, that `to` lacks; empty when none.
const std::string* firstMissing(const LanguageData& from, const QidIndex& to) {
    for (const Query& query : from.queries)
        if (to.count(query.qid) == 0) return &query.qid;
    return nullptr;
}

}  // namespace

void linkParallelAnswers(RetrievalSuite& suite, const std::vector<AnswerSentences>& answers) {
    if (answers.size() != suite.languages.size())
        throw std::invalid_argument(
            "linkParallelAnswers: one AnswerSentences per language expected");
    std::vector<QidIndex> indexes;
    for (std::size_t l = 0; l < suite.languages.size(); ++l) {
        if (answers[l].size() != suite.languages[l].queries.size())
            throw std::invalid_argument("linkParallelAnswers: answers do not parallel the queries");
        indexes.push_back(indexQids(suite.languages[l]));
    }
    for (LanguageData& language : suite.languages) {
        language.judgments.assign(language.queries.size(), {});
        for (std::size_t i = 0; i < language.queries.size(); ++i) {
            for (std::size_t y = 0; y < suite.languages.size(); ++y) {
                const auto found = indexes[y].find(language.queries[i].qid);
                if (found == indexes[y].end()) continue;
                for (std::size_t candidate : answers[y][found->second])
                    language.judgments[i].push_back(Judgment{y, candidate, 1});
            }
        }
    }
}

Status checkSameQuestionIds(const RetrievalSuite& suite, const std::vector<std::string>& files) {
    if (suite.languages.empty()) return success();
    const LanguageData& first = suite.languages.front();
    const QidIndex firstIndex = indexQids(first);
    for (std::size_t l = 1; l < suite.languages.size(); ++l) {
        const QidIndex index = indexQids(suite.languages[l]);
        if (const std::string* qid = firstMissing(first, index))
            return Error{files[l] + ": lacks question id '" + *qid + "' that " + files[0] +
                         " holds (the languages of a parallel suite must hold the same ids)"};
        if (const std::string* qid = firstMissing(suite.languages[l], firstIndex))
            return Error{files[l] + ": holds question id '" + *qid + "' that " + files[0] +
                         " lacks (the languages of a parallel suite must hold the same ids)"};
    }
    return success();
}

}  // namespace mtrec::data
