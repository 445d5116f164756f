#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"

namespace mtrec::data {

/// Reads MLQA-R from `dir`: MLQA's monolingual SQuAD-style files `dev-context-XX-question-XX.json`
/// (or `test-context-XX-question-XX.json` where no dev file exists); an empty `languages` means
/// every such file found, sorted by code.
///
/// Per language, the candidates are the sentences of each distinct context (identical context
/// strings count once, in order of first appearance), split by ICU's sentence BreakIterator for the
/// language's locale with CLDR's abbreviation suppressions ("<lang>@ss=standard"), stripped of
/// surrounding white space, empty segments dropped; docno
/// "<lang>:<context>:<sentence>". The queries are every question, qid = its `id`. Query q of
/// language X is judged relevant (1) to the sentence holding answer_start (code points; the next
/// sentence if it falls in stripped white space) of question q in every language of the suite that
/// has q: MLQA is only partly parallel, so a query has 1 to N judgments.
///
/// Errors name the file and the JSON path: malformed JSON, missing keys, wrong types, an id used
/// twice in one file, answer_start outside its context. The suite is named "mlqa-r" and is
/// parallel.
Result<RetrievalSuite> readMlqaR(const std::string& dir, const std::vector<std::string>& languages);

/// The languages readMlqaR finds in `dir` (its dev- or test-context-XX-question-XX.json files),
/// sorted; none when `dir` is not a folder or holds no such file.
std::vector<std::string> mlqaRLanguages(const std::string& dir);

}  // namespace mtrec::data
