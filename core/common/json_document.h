#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "common/result.h"
#include "common/json_value.h"

namespace mtrec {

/// A parsed JSON file that remembers its name, so every error can say where it is. Parse errors
/// give "file:line:column" (column in code points); ill-formed UTF-8 is reported as "invalid UTF-8"
/// at its line:column; an empty (or whitespace-only) file is "<file>: file is empty". Values handed
/// out by root() share ownership of the parsed tree. Immutable after construction; copies are
/// cheap.
class JsonDocument {
public:
    static Result<JsonDocument> read(const std::string& path);

    /// Parses `text`, naming it `name` in errors.
    static Result<JsonDocument> parse(std::string_view text, const std::string& name);

    /// Parses line `line` of the JSONL file `path`: syntax errors say "path:line:column", errors
    /// found later through root() say "path:line: $.docid: ...".
    static Result<JsonDocument> parseLine(std::string_view text, const std::string& path,
                                          std::size_t line);

    JsonValue root() const;
    const std::string& name() const { return *name_; }

private:
    JsonDocument(std::shared_ptr<const std::string> name, std::unique_ptr<nlohmann::json> json);
    static Result<JsonDocument> parseText(std::string_view text, const std::string& name,
                                          std::size_t firstLine, std::string label);

    std::shared_ptr<const std::string> name_;
    std::shared_ptr<const nlohmann::json> json_;  // never null
};

}  // namespace mtrec
