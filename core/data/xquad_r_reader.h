#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"

namespace mtrec::data {

/// Reads XQuAD-R (LAReQA's SQuAD JSON with `sentences` and `sentence_breaks`) from `dir`, one
/// `<lang>.json` per language; an empty `languages` means every such file, sorted by code.
///
/// Per language, the candidates are every sentence (the `sentences` strings) of every paragraph in
/// file order, docno "<lang>:<paragraph>:<sentence>" with the paragraph counted from 0 across
/// articles; the queries are every question, qid = its `id`. Query q of language X is judged
/// relevant (1) to, in every language Y of the suite, the sentence of Y's question q whose [start,
/// end) break interval (code points) holds answer_start, or the next sentence when answer_start
/// falls in a gap.
///
/// Errors name the file and the JSON path (or both files): sentences/sentence_breaks of different
/// lengths, breaks outside the context, reversed or out of order, an answer after the last
/// sentence, a question id used twice in one file, or ids that differ between languages. The suite
/// is named "xquad-r" and is parallel.
Result<RetrievalSuite> readXquadR(const std::string& dir,
                                  const std::vector<std::string>& languages);

/// The languages readXquadR finds in `dir` (its <lang>.json files), sorted; none when `dir` is not
/// a folder or holds no such file.
std::vector<std::string> xquadRLanguages(const std::string& dir);

}  // namespace mtrec::data
