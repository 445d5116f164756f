#include "data/jsonl_pairs.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "common/json_document.h"
#include "common/line_reader.h"

namespace mtrec::data {
namespace {

const char* const kRequired[] = {"id", "lang", "query", "passage"};
const char* const kOptional = "hard_negative";

/// Where each (lang, id) was first seen, to name both places of a duplicate.
using SeenAt = std::map<std::pair<std::string, std::string>, std::string>;

Result<std::string> nonEmptyString(const JsonValue& object, const char* key) {
    Result<JsonValue> member = object.member(key);
    if (!member) return member.error();
    Result<std::string> text = member.value().string();
    if (!text) return text.error();
    if (text.value().empty()) return member.value().error("must not be empty");
    return text;
}

Status readLine(const JsonValue& root, const std::string& where, SeenAt& seen,
                std::map<std::string, LanguageItems>& languages) {
    if (!root.isObject()) return root.error("expected an object {id, lang, query, passage}");
    for (const auto& [key, value] : root.json().items())
        if (key != kOptional &&
            std::find(std::begin(kRequired), std::end(kRequired), key) == std::end(kRequired))
            return root.error("unknown key '" + key +
                              "' (expected id, lang, query, passage, hard_negative)");
    std::string fields[4];
    for (int i = 0; i < 4; ++i) {
        Result<std::string> field = nonEmptyString(root, kRequired[i]);
        if (!field) return field.error();
        fields[i] = std::move(field).value();
    }
    QaItem item{fields[0], fields[2], fields[3], std::nullopt};
    if (root.has(kOptional)) {
        Result<std::string> negative = nonEmptyString(root, kOptional);
        if (!negative) return negative.error();
        item.hardNegative = std::move(negative).value();
    }
    const auto [first, fresh] = seen.emplace(std::make_pair(fields[1], item.id), where);
    if (!fresh)
        return Error{where + ": id '" + item.id + "' in language '" + fields[1] +
                     "' was already given at " + first->second};
    LanguageItems& language = languages[fields[1]];
    language.lang = fields[1];
    language.items.push_back(std::move(item));
    return success();
}

}  // namespace

Result<std::vector<LanguageItems>> readJsonlItems(const std::vector<std::string>& files) {
    std::map<std::string, LanguageItems> languages;
    SeenAt seen;
    for (const std::string& path : files) {
        Result<LineReader> opened = LineReader::open(path);
        if (!opened) return opened.error();
        LineReader& reader = opened.value();
        std::string_view line;
        while (reader.next(line)) {
            if (isBlank(line)) continue;
            Result<JsonDocument> document =
                JsonDocument::parseLine(line, path, reader.lineNumber());
            if (!document) return document.error();
            if (Status read = readLine(document.value().root(), reader.where(), seen, languages);
                !read)
                return read.error();
        }
    }
    std::vector<LanguageItems> result;
    for (auto& [lang, items] : languages) result.push_back(std::move(items));
    return result;
}

Result<PairPool> buildJsonlPairs(const std::vector<std::string>& files, PairKinds kinds) {
    Result<std::vector<LanguageItems>> languages = readJsonlItems(files);
    if (!languages) return languages.error();
    PairPool pool;
    addParallelPairs(languages.value(), kinds, pool);
    return pool;
}

}  // namespace mtrec::data
