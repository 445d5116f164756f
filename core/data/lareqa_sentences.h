#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "data/parallel_answers.h"
#include "data/retrieval_suite.h"

namespace mtrec::data {

/// What an answer_start that lies in no sentence_breaks interval (in a gap between sentences, or
/// before the first) is judged to point at.
enum class AnswerInGap {
    NextSentence,  ///< the sentence after the gap (XQuAD-R)
    Error,  ///< nothing: the file is rejected (MLQA-R, whose every answer lies in a sentence)
};

/// Reads one language file of LAReQA's layout (XQuAD-R, MLQA-R): SQuAD JSON whose paragraphs add
/// `sentences` and `sentence_breaks` ([start, end) code-point offsets into `context`).
///
/// The candidates are every sentence of every paragraph in file order, docno
/// "<code>:<paragraph>:<sentence>" with the paragraph counted from 0 across articles; the queries
/// are every question, qid = its `id`; `answers` gets, per query, its answer sentences (the break
/// interval holding answer_start, see `gap`). Judgments are left to the caller.
///
/// Errors name `path` and the JSON path: sentences/sentence_breaks of different lengths, breaks
/// outside the context, reversed or out of order, an answer after the last sentence or (with
/// AnswerInGap::Error) in no sentence, plus readSquadParagraphs' errors.
Result<LanguageData> readLareqaLanguage(const std::string& path, const std::string& code,
                                        AnswerInGap gap, AnswerSentences& answers);

/// The languages of a LAReQA folder, each read by readLareqaLanguage from "<dir>/<code>.json".
struct LareqaLanguages {
    std::vector<LanguageData> languages;   ///< in the order of the codes asked for
    std::vector<AnswerSentences> answers;  ///< answers[l] parallels languages[l].queries
    std::vector<std::string> files;        ///< files[l] is the file languages[l] was read from
};

/// Reads "<dir>/<code>.json" for every code in `codes`, in that order; the first error stops it.
Result<LareqaLanguages> readLareqaLanguages(const std::string& dir,
                                            const std::vector<std::string>& codes, AnswerInGap gap);

}  // namespace mtrec::data
