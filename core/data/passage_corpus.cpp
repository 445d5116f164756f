#include "data/passage_corpus.h"

#include <nlohmann/json.hpp>

#include "common/json_document.h"
#include "common/line_reader.h"

namespace mtrec::data {
namespace {

Result<Candidate> readPassage(const JsonValue& root) {
    if (!root.isObject()) return root.error("expected an object {\"docid\", \"title\", \"text\"}");
    Result<std::string> docid = root.stringAt("docid");
    if (!docid) return docid.error();
    if (docid.value().empty() || docid.value().find_first_of(" \t\r\n") != std::string::npos)
        return root.error("docid '" + docid.value() + "' is empty or holds white space");
    Result<std::string> text = root.stringAt("text");
    if (!text) return text.error();
    std::string title;
    if (root.has("title")) {
        Result<std::string> read = root.stringAt("title");
        if (!read) return read.error();
        title = std::move(read).value();
    }
    return Candidate{std::move(docid).value(),
                     title.empty() ? std::move(text).value() : title + " " + text.value()};
}

}  // namespace

Status readPassagesJsonl(const std::string& path, PassageCorpus& corpus) {
    Result<LineReader> opened = LineReader::open(path);
    if (!opened) return opened.error();
    LineReader& reader = opened.value();
    const auto file = static_cast<std::uint32_t>(corpus.files.size());
    corpus.files.push_back(path);
    std::string_view line;
    while (reader.next(line)) {
        if (isBlank(line)) continue;
        Result<JsonDocument> document = JsonDocument::parseLine(line, path, reader.lineNumber());
        if (!document) return document.error();
        Result<Candidate> passage = readPassage(document.value().root());
        if (!passage) return passage.error();
        const auto [known, fresh] =
            corpus.index.emplace(passage.value().docno, corpus.passages.size());
        if (!fresh) {
            const auto [firstFile, firstLine] = corpus.origins[known->second];
            return Error{reader.where() + ": docid " + passage.value().docno +
                         " repeated (first at " + corpus.files[firstFile] + ":" +
                         std::to_string(firstLine) + ")"};
        }
        corpus.origins.emplace_back(file, static_cast<std::uint32_t>(reader.lineNumber()));
        corpus.passages.push_back(std::move(passage).value());
    }
    return success();
}

}  // namespace mtrec::data
