#include "data/squad_paragraphs.h"

#include <unordered_map>

#include "common/utf8.h"

namespace mtrec::data {
namespace {

std::size_t codePointCount(const std::string& text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;  // valid UTF-8: count lead bytes
    return count;
}

Result<SquadQuestion> readQuestion(const JsonValue& qa, std::size_t contextLength) {
    SquadQuestion question;
    Result<std::string> id = qa.stringAt("id");
    if (!id) return id.error();
    Result<std::string> text = qa.stringAt("question");
    if (!text) return text.error();
    Result<std::vector<JsonValue>> answers = qa.arrayAt("answers");
    if (!answers) return answers.error();
    if (answers.value().empty()) return qa.error("question '" + id.value() + "' has no answers");
    for (const JsonValue& answer : answers.value()) {
        Result<JsonValue> startNode = answer.member("answer_start");
        if (!startNode) return startNode.error();
        Result<std::int64_t> start = startNode.value().integer();
        if (!start) return start.error();
        if (start.value() < 0 || static_cast<std::size_t>(start.value()) >= contextLength)
            return startNode.value().error("answer_start " + std::to_string(start.value()) +
                                           " is outside the context (" +
                                           std::to_string(contextLength) + " characters)");
        question.answers.push_back(
            SquadAnswer{static_cast<std::size_t>(start.value()), startNode.value()});
    }
    question.id = std::move(id).value();
    question.text = std::move(text).value();
    return question;
}

Result<SquadParagraph> readParagraph(const JsonValue& node,
                                     std::unordered_map<std::string, std::string>& seen) {
    Result<std::string> context = node.stringAt("context");
    if (!context) return context.error();
    Result<std::vector<JsonValue>> qas = node.arrayAt("qas");
    if (!qas) return qas.error();
    SquadParagraph paragraph{std::move(context).value(), 0, {}, node};
    paragraph.contextLength = codePointCount(paragraph.context);
    for (const JsonValue& qa : qas.value()) {
        Result<SquadQuestion> question = readQuestion(qa, paragraph.contextLength);
        if (!question) return question.error();
        const auto [first, fresh] = seen.emplace(question.value().id, qa.path());
        if (!fresh)
            return qa.error("duplicate question id '" + question.value().id + "' (first at " +
                            first->second + ")");
        paragraph.questions.push_back(std::move(question).value());
    }
    return paragraph;
}

}  // namespace

Result<std::vector<SquadParagraph>> readSquadParagraphs(const JsonDocument& document) {
    Result<std::vector<JsonValue>> articles = document.root().arrayAt("data");
    if (!articles) return articles.error();
    std::vector<SquadParagraph> paragraphs;
    std::unordered_map<std::string, std::string> seen;  // question id -> JSON path of its first use
    for (const JsonValue& article : articles.value()) {
        Result<std::vector<JsonValue>> nodes = article.arrayAt("paragraphs");
        if (!nodes) return nodes.error();
        for (const JsonValue& node : nodes.value()) {
            Result<SquadParagraph> paragraph = readParagraph(node, seen);
            if (!paragraph) return paragraph.error();
            paragraphs.push_back(std::move(paragraph).value());
        }
    }
    return paragraphs;
}

}  // namespace mtrec::data
