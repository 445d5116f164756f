#include "eval/candidate_pool.h"

#include <stdexcept>

#include "eval/relevant_ranks.h"

namespace mtrec::eval {

Result<CandidatePool> CandidatePool::create(const data::RetrievalSuite& suite,
                                            std::vector<std::size_t> languages) {
    CandidatePool pool;
    std::size_t total = 0;
    for (std::size_t language : languages) {
        if (language >= suite.languages.size())
            throw std::out_of_range("CandidatePool: language index out of range");
        total += suite.languages[language].candidates.size();
    }
    pool.offsets_.assign(suite.languages.size(), total);
    pool.docnos_.reserve(total);
    for (std::size_t language : languages) {
        pool.offsets_[language] = pool.docnos_.size();
        for (const data::Candidate& candidate : suite.languages[language].candidates)
            pool.docnos_.push_back(&candidate.docno);
    }
    pool.docnoOrder_ = eval::docnoOrder(pool.docnos_);
    std::vector<const std::string*> sorted(total);
    for (std::size_t column = 0; column < total; ++column)
        sorted[pool.docnoOrder_[column]] = pool.docnos_[column];
    for (std::size_t i = 1; i < total; ++i)
        if (*sorted[i] == *sorted[i - 1])
            return Error{suite.name + ": docno '" + *sorted[i] + "' names two candidates"};
    pool.languages_ = std::move(languages);
    return pool;
}

std::vector<std::vector<PoolJudgment>> CandidatePool::judgmentsOf(const data::RetrievalSuite& suite,
                                                                  std::size_t queryLanguage) const {
    const data::LanguageData& data = suite.languages.at(queryLanguage);
    std::vector<std::vector<PoolJudgment>> judged(data.queries.size());
    for (std::size_t query = 0; query < data.queries.size() && query < data.judgments.size();
         ++query) {
        for (const data::Judgment& judgment : data.judgments[query]) {
            if (judgment.language >= offsets_.size() || offsets_[judgment.language] == size())
                continue;
            if (judgment.candidate >= suite.languages[judgment.language].candidates.size())
                throw std::out_of_range(suite.name + ": judgment of query '" +
                                        data.queries[query].qid + "' names a missing candidate");
            judged[query].push_back(
                {static_cast<std::uint32_t>(offsets_[judgment.language] + judgment.candidate),
                 static_cast<std::uint32_t>(judgment.language), judgment.relevance});
        }
    }
    return judged;
}

}  // namespace mtrec::eval
