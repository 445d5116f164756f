#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"

namespace mtrec::data {

/// Reads MIRACL dev from `dir`, per language:
///   topics  <dir>/topics/topics.miracl-v1.0-<lang>-dev.tsv   qid<TAB>query, one a line
///   qrels   <dir>/qrels/qrels.miracl-v1.0-<lang>-dev.tsv     qid Q0 docid rel (TREC qrels)
///   corpus  <dir>/corpus/<lang>.jsonl, or every *.jsonl in <dir>/corpus/<lang>/ (sorted by name),
///           {"docid", "title", "text"} one a line
/// An empty `languages` means every language with a topics file. Candidates are the corpus passages
/// (docno = docid, text = title + " " + text), queries the topics in file order, judgments the
/// qrels grades as given (0 kept: judged not relevant), only within the language. The suite is
/// named "miracl" and is not parallel.
///
/// Errors: no corpus for a language (saying that MIRACL's topics/qrels download holds no passages
/// and where to put them), a topics line without a tab or a repeated qid (file:line), JSONL errors
/// (file:line), a qrels docid absent from the corpus and a qrels qid without a topic (qrels
/// file:line). The whole corpus of each language is held in memory.
Result<RetrievalSuite> readMiracl(const std::string& dir,
                                  const std::vector<std::string>& languages);

/// True when `dir` holds passages for `lang` (corpus/<lang>.jsonl or corpus/<lang>/ with a
/// *.jsonl).
bool miraclCorpusPresent(const std::string& dir, const std::string& lang);

/// The languages readMiracl finds in `dir` (its topics files), sorted, whether or not their
/// passages are present; none when `dir` holds no topics.
std::vector<std::string> miraclLanguages(const std::string& dir);

}  // namespace mtrec::data
