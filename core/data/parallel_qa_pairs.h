#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/pair_pool.h"
#include "data/parallel_pairs.h"

namespace mtrec::data {

/// The passage a QA item gets: the sentence holding the answer (split with ICU's sentence
/// BreakIterator for the file's language, as MLQA-R does), or the whole paragraph.
enum class AnswerUnit { Sentence, Paragraph };

/// A monolingual SQuAD-style file and its language.
struct QaFile {
    std::string lang;
    std::string path;
};

struct QaPairOptions {
    AnswerUnit unit = AnswerUnit::Sentence;
    /// Give each item a hard negative: for sentences, the next sentence of the answer's paragraph
    /// (the previous one for a last sentence; none for a one-sentence paragraph); for paragraphs,
    /// the next distinct paragraph of the file (the previous one for the last).
    bool hardNegatives = false;
    PairKinds kinds;
};

/// Reads one language's items from a SQuAD v1.1 layout file (MLQA, XQuAD): every question, in file
/// order, with the passage of its first answer. Errors name the file and JSON path (see
/// readSquadParagraphs), or the answer_start that lies beyond the last sentence.
Result<LanguageItems> readQaItems(const QaFile& file, AnswerUnit unit, bool hardNegatives);

/// Reads the files (parallel by question id) and joins them into mono and cross pairs (see
/// addParallelPairs). Errors: any file's error, a language given twice.
Result<PairPool> buildParallelQaPairs(const std::vector<QaFile>& files,
                                      const QaPairOptions& options);

/// The file of `lang` in `folder`, tried in this order: dev-context-L-question-L.json,
/// test-context-L-question-L.json (MLQA), xquad.L.json, L.json (XQuAD, XQuAD-R); nullopt if none.
std::optional<std::string> findQaFile(const std::string& folder, const std::string& lang);

/// Every language that has a file findQaFile would find in `folder`, sorted; empty when the
/// folder is missing.
std::vector<std::string> qaLanguagesIn(const std::string& folder);

}  // namespace mtrec::data
