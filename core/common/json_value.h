#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/result.h"

namespace mtrec {

/// A read-only view of one node of a parsed JSON document that knows where it is: the file name and
/// its JSON path ("$.data[3].paragraphs[0]"). Typed accessors return an Error naming both
/// ("<file>: $.data[3].paragraphs[0].qas[2].answers[0].answer_start: expected an integer, found a
/// string") instead of throwing. Copies share the document, which lives as long as any view of it.
class JsonValue {
public:
    JsonValue(const nlohmann::json* node, std::shared_ptr<const std::string> file, std::string path,
              std::shared_ptr<const nlohmann::json> document = nullptr);

    const nlohmann::json& json() const { return *node_; }
    const std::string& file() const { return *file_; }
    const std::string& path() const { return path_; }

    /// "<file>: <path>: <what>", for errors found while checking the value's content.
    Error error(const std::string& what) const;

    bool isObject() const;
    bool has(std::string_view key) const;  ///< false unless an object holding `key`

    Result<JsonValue> member(std::string_view key) const;  ///< must be an object holding `key`
    Result<std::vector<JsonValue>> elements() const;       ///< must be an array
    Result<std::string> string() const;
    Result<std::int64_t> integer() const;  ///< a JSON integer, not 1.0

    /// member(key) followed by the typed accessor, in one step.
    Result<std::vector<JsonValue>> arrayAt(std::string_view key) const;
    Result<std::string> stringAt(std::string_view key) const;
    Result<std::int64_t> integerAt(std::string_view key) const;

private:
    Error typeError(const char* expected) const;

    const nlohmann::json* node_;
    std::shared_ptr<const std::string> file_;
    std::string path_;
    std::shared_ptr<const nlohmann::json> document_;
};

}  // namespace mtrec
