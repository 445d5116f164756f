#include "data/parallel_qa_pairs.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "common/json_document.h"
#include "data/sentence_spans.h"
#include "data/sentence_splitter.h"
#include "data/squad_paragraphs.h"

namespace mtrec::data {
namespace {

/// ICU locale keyword that keeps "Dr. Smith" in one sentence (CLDR's standard suppressions), as
/// the MLQA-R reader splits.
const char* const kSuppressAbbreviations = "@ss=standard";

const char* const kFilePatterns[] = {"dev-context-%-question-%.json",
                                     "test-context-%-question-%.json", "xquad.%.json", "%.json"};

/// The pattern with every '%' replaced by `lang`; a '%' inside `lang` stays as it is.
std::string fill(std::string pattern, const std::string& lang) {
    for (std::size_t at = pattern.find('%'); at != std::string::npos;
         at = pattern.find('%', at + lang.size()))
        pattern.replace(at, 1, lang);
    return pattern;
}

/// Two or three lower-case ASCII letters ("en", "zh", "yue"): keeps "config.json" out.
bool looksLikeLanguage(const std::string& code) {
    return code.size() >= 2 && code.size() <= 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// The language of a file name matching one of kFilePatterns, or nullopt.
std::optional<std::string> languageOfFile(const std::string& name) {
    for (const std::string pattern : kFilePatterns) {
        const std::size_t first = pattern.find('%');
        const std::string head = pattern.substr(0, first);
        if (name.rfind(head, 0) != 0 || name.size() <= head.size()) continue;
        const std::size_t end = name.find_first_of("-.", head.size());
        if (end == std::string::npos || end == head.size()) continue;
        const std::string lang = name.substr(head.size(), end - head.size());
        if (looksLikeLanguage(lang) && fill(pattern, lang) == name) return lang;
    }
    return std::nullopt;
}

/// A distinct context's sentences.
struct ContextSentences {
    std::vector<SplitSentence> sentences;
    std::vector<SentenceSpan> spans;  // the sentences' spans, for sentenceHolding
};

Result<QaItem> sentenceItem(const SquadQuestion& question, const ContextSentences& context,
                            bool hardNegatives) {
    const SquadAnswer& answer = question.answers.front();
    const std::optional<std::size_t> index = sentenceHolding(context.spans, answer.start);
    if (!index)
        return answer.startNode.error("answer_start " + std::to_string(answer.start) +
                                      " lies after the last sentence ICU found in the context");
    QaItem item{question.id, question.text, context.sentences[*index].text, std::nullopt};
    if (hardNegatives && context.sentences.size() > 1) {
        const std::size_t other = *index + 1 < context.sentences.size() ? *index + 1 : *index - 1;
        item.hardNegative = context.sentences[other].text;
    }
    return item;
}

Result<LanguageItems> sentenceItems(const std::vector<SquadParagraph>& paragraphs,
                                    const QaFile& file, bool hardNegatives) {
    Result<SentenceSplitter> splitter =
        SentenceSplitter::create(file.lang + kSuppressAbbreviations);
    if (!splitter) return Error{file.path + ": " + splitter.error().message};
    LanguageItems language{file.lang, {}};
    std::unordered_map<std::string, ContextSentences> contexts;
    for (const SquadParagraph& paragraph : paragraphs) {
        auto [found, fresh] = contexts.try_emplace(paragraph.context);
        if (fresh) {
            found->second.sentences = splitter.value().split(paragraph.context);
            for (const SplitSentence& sentence : found->second.sentences)
                found->second.spans.push_back(sentence.span);
        }
        for (const SquadQuestion& question : paragraph.questions) {
            Result<QaItem> item = sentenceItem(question, found->second, hardNegatives);
            if (!item) return item.error();
            language.items.push_back(std::move(item).value());
        }
    }
    return language;
}

LanguageItems paragraphItems(const std::vector<SquadParagraph>& paragraphs, const QaFile& file,
                             bool hardNegatives) {
    std::vector<const std::string*> distinct;
    std::unordered_map<std::string, std::size_t> indexOf;
    for (const SquadParagraph& paragraph : paragraphs)
        if (indexOf.emplace(paragraph.context, distinct.size()).second)
            distinct.push_back(&paragraph.context);
    LanguageItems language{file.lang, {}};
    for (const SquadParagraph& paragraph : paragraphs) {
        const std::size_t index = indexOf.at(paragraph.context);
        std::optional<std::string> negative;
        if (hardNegatives && distinct.size() > 1)
            negative = *distinct[index + 1 < distinct.size() ? index + 1 : index - 1];
        for (const SquadQuestion& question : paragraph.questions)
            language.items.push_back(
                QaItem{question.id, question.text, paragraph.context, negative});
    }
    return language;
}

}  // namespace

Result<LanguageItems> readQaItems(const QaFile& file, AnswerUnit unit, bool hardNegatives) {
    Result<JsonDocument> document = JsonDocument::read(file.path);
    if (!document) return document.error();
    Result<std::vector<SquadParagraph>> paragraphs = readSquadParagraphs(document.value());
    if (!paragraphs) return paragraphs.error();
    if (unit == AnswerUnit::Paragraph)
        return paragraphItems(paragraphs.value(), file, hardNegatives);
    return sentenceItems(paragraphs.value(), file, hardNegatives);
}

Result<PairPool> buildParallelQaPairs(const std::vector<QaFile>& files,
                                      const QaPairOptions& options) {
    std::vector<LanguageItems> languages;
    std::set<std::string> seen;
    for (const QaFile& file : files) {
        if (!seen.insert(file.lang).second)
            return Error{file.path + ": language '" + file.lang + "' is given twice"};
        Result<LanguageItems> items = readQaItems(file, options.unit, options.hardNegatives);
        if (!items) return items.error();
        languages.push_back(std::move(items).value());
    }
    PairPool pool;
    addParallelPairs(languages, options.kinds, pool);
    return pool;
}

std::optional<std::string> findQaFile(const std::string& folder, const std::string& lang) {
    std::error_code ec;
    for (const char* pattern : kFilePatterns) {
        const std::filesystem::path path = std::filesystem::path(folder) / fill(pattern, lang);
        if (std::filesystem::is_regular_file(path, ec)) return path.string();
    }
    return std::nullopt;
}

std::vector<std::string> qaLanguagesIn(const std::string& folder) {
    std::set<std::string> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file(ec)) continue;
        if (auto lang = languageOfFile(entry.path().filename().string())) found.insert(*lang);
    }
    return {found.begin(), found.end()};
}

}  // namespace mtrec::data
