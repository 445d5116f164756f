#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"

namespace mtrec::data {

/// Reads LAReQA's MLQA-R from `dir`: one `<lang>.json` per language (a name of 2 or 3 lowercase
/// letters, so that MLQA's own dev-context-XX-question-XX.json files never match), in XQuAD-R's
/// layout (see lareqa_sentences.h); an empty `languages` means every such file, sorted by code.
///
/// Candidates and queries are XQuAD-R's: every sentence of every paragraph, docno
/// "<lang>:<paragraph>:<sentence>", and every question. Unlike XQuAD-R, MLQA is only partly
/// parallel: query q of language X is judged relevant (1) to the sentence whose [start, end) break
/// holds answer_start of question q in every suite language that has q (X included), so a query has
/// one judgment per language its id occurs in, and a Cr pair X-Y has queries only for the ids both
/// hold. An answer_start in no break interval is an error, as are LAReQA's layout errors; all name
/// the file and the JSON path. The suite is named "mlqa-r" and is parallel.
Result<RetrievalSuite> readLareqaMlqaR(const std::string& dir,
                                       const std::vector<std::string>& languages);

/// The languages readLareqaMlqaR finds in `dir` (its <lang>.json files), sorted; none when `dir`
/// is not a folder or holds no such file.
std::vector<std::string> lareqaMlqaRLanguages(const std::string& dir);

}  // namespace mtrec::data
