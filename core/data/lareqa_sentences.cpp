#include "data/lareqa_sentences.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>

#include "data/sentence_spans.h"
#include "data/squad_paragraphs.h"

namespace mtrec::data {
namespace {

std::string interval(std::int64_t begin, std::int64_t end) {
    return "[" + std::to_string(begin) + ", " + std::to_string(end) + "]";
}

/// Reads one sentence_breaks entry, checking it against the context and the previous sentence.
Result<SentenceSpan> readBreak(const JsonValue& node, std::size_t contextLength,
                               std::size_t previousEnd) {
    Result<std::vector<JsonValue>> pair = node.elements();
    if (!pair) return pair.error();
    if (pair.value().size() != 2)
        return node.error("expected [start, end], found " + std::to_string(pair.value().size()) +
                          " numbers");
    Result<std::int64_t> begin = pair.value()[0].integer();
    if (!begin) return begin.error();
    Result<std::int64_t> end = pair.value()[1].integer();
    if (!end) return end.error();
    const std::string shown = interval(begin.value(), end.value());
    if (begin.value() < 0 || end.value() > static_cast<std::int64_t>(contextLength))
        return node.error("sentence break " + shown + " is outside the context (" +
                          std::to_string(contextLength) + " characters)");
    if (begin.value() > end.value())
        return node.error("sentence break " + shown + " starts after it ends");
    if (static_cast<std::size_t>(begin.value()) < previousEnd)
        return node.error("sentence break " + shown +
                          " starts before the previous sentence ends (at " +
                          std::to_string(previousEnd) + ")");
    return SentenceSpan{static_cast<std::size_t>(begin.value()),
                        static_cast<std::size_t>(end.value())};
}

/// Appends the paragraph's sentences to `language` as candidates and returns their spans.
Result<std::vector<SentenceSpan>> readSentences(const SquadParagraph& paragraph, std::size_t index,
                                                LanguageData& language) {
    Result<std::vector<JsonValue>> sentences = paragraph.node.arrayAt("sentences");
    if (!sentences) return sentences.error();
    Result<std::vector<JsonValue>> breaks = paragraph.node.arrayAt("sentence_breaks");
    if (!breaks) return breaks.error();
    if (sentences.value().size() != breaks.value().size())
        return paragraph.node.error("'sentences' has " + std::to_string(sentences.value().size()) +
                                    " entries but 'sentence_breaks' has " +
                                    std::to_string(breaks.value().size()));
    std::vector<SentenceSpan> spans;
    for (std::size_t s = 0; s < breaks.value().size(); ++s) {
        Result<std::string> text = sentences.value()[s].string();
        if (!text) return text.error();
        Result<SentenceSpan> span = readBreak(breaks.value()[s], paragraph.contextLength,
                                              spans.empty() ? 0 : spans.back().end);
        if (!span) return span.error();
        spans.push_back(span.value());
        language.candidates.push_back(
            Candidate{language.code + ":" + std::to_string(index) + ":" + std::to_string(s),
                      std::move(text).value()});
    }
    return spans;
}

/// The index into `spans` of the sentence `answer` starts in (see AnswerInGap).
Result<std::size_t> answerSentence(const SquadAnswer& answer,
                                   const std::vector<SentenceSpan>& spans, AnswerInGap gap) {
    const auto sentence = sentenceHolding(spans, answer.start);
    if (!sentence)
        return answer.startNode.error(
            "answer_start " + std::to_string(answer.start) + " lies after the last sentence" +
            (spans.empty() ? std::string(" (the paragraph has none)")
                           : " (which ends at " + std::to_string(spans.back().end) + ")"));
    const SentenceSpan& next = spans[*sentence];
    if (gap == AnswerInGap::Error && answer.start < next.begin)
        return answer.startNode.error("answer_start " + std::to_string(answer.start) +
                                      " lies in no sentence (the next one, sentence_breaks[" +
                                      std::to_string(*sentence) + "], is " +
                                      interval(next.begin, next.end) + ")");
    return *sentence;
}

/// The candidate indices of `question`'s answer sentences, ascending and unique.
Result<std::vector<std::size_t>> answerSentences(const SquadQuestion& question,
                                                 const std::vector<SentenceSpan>& spans,
                                                 std::size_t first, AnswerInGap gap) {
    std::vector<std::size_t> found;
    for (const SquadAnswer& answer : question.answers) {
        Result<std::size_t> sentence = answerSentence(answer, spans, gap);
        if (!sentence) return sentence.error();
        found.push_back(first + sentence.value());
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

}  // namespace

Result<LanguageData> readLareqaLanguage(const std::string& path, const std::string& code,
                                        AnswerInGap gap, AnswerSentences& answers) {
    Result<JsonDocument> document = JsonDocument::read(path);
    if (!document) return document.error();
    Result<std::vector<SquadParagraph>> paragraphs = readSquadParagraphs(document.value());
    if (!paragraphs) return paragraphs.error();
    LanguageData language;
    language.code = code;
    for (std::size_t p = 0; p < paragraphs.value().size(); ++p) {
        const SquadParagraph& paragraph = paragraphs.value()[p];
        const std::size_t first = language.candidates.size();
        Result<std::vector<SentenceSpan>> spans = readSentences(paragraph, p, language);
        if (!spans) return spans.error();
        for (const SquadQuestion& question : paragraph.questions) {
            Result<std::vector<std::size_t>> relevant =
                answerSentences(question, spans.value(), first, gap);
            if (!relevant) return relevant.error();
            language.queries.push_back(Query{question.id, question.text});
            answers.push_back(std::move(relevant).value());
        }
    }
    return language;
}

Result<LareqaLanguages> readLareqaLanguages(const std::string& dir,
                                            const std::vector<std::string>& codes,
                                            AnswerInGap gap) {
    LareqaLanguages read;
    read.answers.resize(codes.size());
    for (std::size_t l = 0; l < codes.size(); ++l) {
        read.files.push_back((std::filesystem::path(dir) / (codes[l] + ".json")).string());
        Result<LanguageData> language =
            readLareqaLanguage(read.files.back(), codes[l], gap, read.answers[l]);
        if (!language) return language.error();
        read.languages.push_back(std::move(language).value());
    }
    return read;
}

}  // namespace mtrec::data
