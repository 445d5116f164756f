#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"

namespace mtrec::eval {

/// A judgment of one query that falls inside a pool, with the candidate's pool column.
struct PoolJudgment {
    std::uint32_t column = 0;
    std::uint32_t language = 0;  ///< Suite language index of the candidate.
    int grade = 0;
};

/// The candidates of one or more suite languages ranked together: column j is the j-th candidate of
/// the languages' candidate lists concatenated in the given order. Holds pointers into the suite,
/// which must outlive it. Immutable after create(), so safe to share between threads.
class CandidatePool {
public:
    /// Fails when two candidates of the pool share a docno (trec_eval could not rank them).
    static Result<CandidatePool> create(const data::RetrievalSuite& suite,
                                        std::vector<std::size_t> languages);

    const std::vector<std::size_t>& languages() const { return languages_; }
    std::size_t size() const { return docnos_.size(); }
    const std::string& docno(std::size_t column) const { return *docnos_[column]; }
    /// Position of each column in ascending docno order (see relevant_ranks.h).
    const std::vector<std::int32_t>& docnoOrder() const { return docnoOrder_; }
    /// First column of suite language `language`; `size()` when the language is not in the pool.
    std::size_t offset(std::size_t language) const { return offsets_[language]; }

    /// For every query of suite language `queryLanguage`: its judgments whose candidate is in the
    /// pool, in the order of the suite's judgments. A query with none is not a pair query of this
    /// pool.
    std::vector<std::vector<PoolJudgment>> judgmentsOf(const data::RetrievalSuite& suite,
                                                       std::size_t queryLanguage) const;

private:
    std::vector<std::size_t> languages_;
    std::vector<std::size_t> offsets_;  // per suite language
    std::vector<const std::string*> docnos_;
    std::vector<std::int32_t> docnoOrder_;
};

}  // namespace mtrec::eval
