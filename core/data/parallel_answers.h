#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"

namespace mtrec::data {

/// One language's answer sentences: answers[i] lists the candidate indices (into that language's
/// candidates, ascending, no repeats) that hold the answer of its queries[i].
using AnswerSentences = std::vector<std::vector<std::size_t>>;

/// Fills every language's judgments for a parallel suite: query i of language X is linked, with
/// relevance 1, to the answer sentences of the query with the same qid in every language of the
/// suite that has one (X itself included), in suite language order. `answers[l]` must parallel
/// suite.languages[l].queries (throws std::invalid_argument otherwise).
void linkParallelAnswers(RetrievalSuite& suite, const std::vector<AnswerSentences>& answers);

/// An Error when two languages do not hold the same question ids, naming both files (files[l] is
/// the file of suite.languages[l]) and the first id, in file order, that one has and the other
/// lacks.
Status checkSameQuestionIds(const RetrievalSuite& suite, const std::vector<std::string>& files);

}  // namespace mtrec::data
