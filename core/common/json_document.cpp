#include "common/json_document.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/line_reader.h"
#include "common/utf8.h"

namespace mtrec {
namespace {

std::string located(const std::string& name, std::size_t firstLine, std::string_view text,
                    std::size_t offset) {
    const TextPosition at = positionOf(text, offset);
    return name + ":" + std::to_string(firstLine + at.line - 1) + ":" + std::to_string(at.column);
}

/// nlohmann's what() is "[json.exception.parse_error.101] parse error at line L, column C: reason";
/// keep the reason only, since its column counts bytes and ours counts characters.
std::string reasonOf(const nlohmann::json::parse_error& error) {
    const std::string what = error.what();
    const std::size_t column = what.find("column ");
    const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

/// nlohmann reports a number beyond double's range ("1e400") as out_of_range 406 "number overflow
/// parsing '<token>'", without a position: the token's first occurrence in `text` is taken as its
/// place.
std::string numberOverflow(const nlohmann::json::out_of_range& error, const std::string& name,
                           std::size_t firstLine, std::string_view text) {
    const std::string what = error.what();
    const std::size_t open = what.find('\'');
    const std::size_t close = what.rfind('\'');
    const std::string reason = what.substr(what.find("] ") + 2);
    if (open == std::string::npos || close <= open) return name + ": invalid JSON: " + reason;
    const std::size_t offset = text.find(what.substr(open + 1, close - open - 1));
    const std::string where =
        offset == std::string_view::npos ? name : located(name, firstLine, text, offset);
    return where + ": invalid JSON: " + reason;
}

}  // namespace

JsonDocument::JsonDocument(std::shared_ptr<const std::string> name,
                           std::unique_ptr<nlohmann::json> json)
    : name_(std::move(name)), json_(std::move(json)) {}

Result<JsonDocument> JsonDocument::read(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Error{path + ": file not found"};
    if (std::filesystem::is_directory(path, ec))
        return Error{path + ": is a directory, not a file"};
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open file for reading"};
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) return Error{path + ": read failed"};
    return parse(content.str(), path);
}

Result<JsonDocument> JsonDocument::parse(std::string_view text, const std::string& name) {
    return parseText(text, name, 1, name);
}

Result<JsonDocument> JsonDocument::parseLine(std::string_view text, const std::string& path,
                                             std::size_t line) {
    const std::string label = path + ":" + std::to_string(line);
    if (isBlank(text)) return Error{label + ": empty line, expected a JSON object"};
    return parseText(text, path, line, label);
}

Result<JsonDocument> JsonDocument::parseText(std::string_view text, const std::string& name,
                                             std::size_t firstLine, std::string label) {
    if (isBlank(text)) return Error{name + ": file is empty"};
    if (const auto bad = findInvalidUtf8(text)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
        return Error{located(name, firstLine, text, *bad) + ": invalid UTF-8 (byte " + hex + ")"};
    }
    auto json = std::make_unique<nlohmann::json>();
    try {
        *json = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& error) {
        const std::size_t offset = error.byte == 0 ? 0 : std::min(error.byte - 1, text.size());
        std::string reason = reasonOf(error);
        if (reason.find("unexpected end of input") != std::string::npos)
            reason += " (truncated JSON?)";
        return Error{located(name, firstLine, text, offset) + ": invalid JSON: " + reason};
    } catch (const nlohmann::json::out_of_range& error) {
        return Error{numberOverflow(error, name, firstLine, text)};
    }
    return JsonDocument(std::make_shared<const std::string>(std::move(label)), std::move(json));
}

JsonValue JsonDocument::root() const {
    return JsonValue(json_.get(), name_, "$", json_);
}

}  // namespace mtrec
