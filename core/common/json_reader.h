#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/choice.h"

namespace mtrec {

/// One thing wrong in a JSON document: where (a JSON path such as "$.strategy.alpha") and what.
struct JsonProblem {
    std::string path;
    std::string message;
    std::string text() const { return path + ": " + message; }
};

/// A problem list as one message, one problem a line: "<file>: <path>: <message>".
std::string describeProblems(const std::string& file, const std::vector<JsonProblem>& problems);

/// "a string", "an object", "a number", "a boolean", "an array", "null": a value's type in a
/// problem.
std::string jsonTypeName(const nlohmann::json& value);

/// Reads the typed members of one JSON object and records every problem instead of stopping at the
/// first: each read of a key marks the key as known, leaves its target unchanged when the key is
/// absent, and adds a problem (at the key's JSON path) when the value has the wrong type or range;
/// finish() then reports every key no read asked for, with the nearest known key as a hint. Borrows
/// the JSON and the problem list, which must outlive it; `node` may be null (an absent object,
/// whose reads all find nothing). Not thread-safe.
class JsonReader {
public:
    JsonReader(const nlohmann::json* node, std::string path, std::vector<JsonProblem>& problems);

    /// The reader of a whole document, which must be an object: anything else is a problem at
    /// `path` ("expected a JSON object, found an array") and reads as absent.
    static JsonReader document(const nlohmann::json& root, std::vector<JsonProblem>& problems,
                               std::string path = "$");

    bool present() const { return node_ != nullptr; }
    bool has(const std::string& key) const;
    const std::string& path() const { return path_; }
    std::string pathOf(const std::string& key) const { return path_ + "." + key; }
    /// A problem at `key`, or at the object itself when `key` is empty.
    void problem(const std::string& key, const std::string& message);
    /// Marks `key` as known without reading it; returns its value or null.
    const nlohmann::json* raw(const std::string& key);

    /// Each returns true when the key was present with a valid value (then stored in `target`);
    /// a required key that is absent is the problem "missing (required)".
    bool text(const std::string& key, std::string& target, bool required = false);
    bool flag(const std::string& key, bool& target, bool required = false);
    /// true, false, or null (which leaves `target` unchanged and returns false).
    bool flagOrNull(const std::string& key, bool& target);
    bool flagOrNull(const std::string& key, std::optional<bool>& target);
    bool number(const std::string& key, double& target, bool required = false);  ///< int or float
    bool integer(const std::string& key, std::int64_t& target, bool required = false);
    bool integer(const std::string& key, int& target);  ///< within int's range
    /// Non-negative integers.
    bool count(const std::string& key, std::size_t& target);
    bool count(const std::string& key, std::optional<std::size_t>& target);
    bool unsignedInteger(const std::string& key, std::uint64_t& target);
    bool texts(const std::string& key, std::vector<std::string>& target);  ///< array of strings

    /// A string naming an enum value, read with `parse` (text -> optional<Enum>); an unknown value
    /// is the problem "unknown value 'x' (expected <choices>)".
    template <typename Enum, typename Parse>
    bool choice(const std::string& key, Enum& target, Parse parse, const std::string& choices);
    /// The same with a Choice list: one of its keys.
    template <typename Value>
    bool choice(const std::string& key, Value& target, const Choices<Value>& choices) {
        return choice(
            key, target, [&](const std::string& text) { return parseChoice(choices, text); },
            keyList(choices));
    }

    /// A nested object (an absent one reads as empty; a non-object is a problem and reads empty).
    JsonReader object(const std::string& key, bool required = false);
    /// An array's elements (absent: none; a non-array is a problem and has none).
    std::vector<const nlohmann::json*> array(const std::string& key);
    /// The reader of element `index` of the array `key`, which must be an object: otherwise the
    /// problem "expected an object <shape>" at the element, and the reader reads as absent.
    JsonReader element(const std::string& key, std::size_t index, const nlohmann::json& value,
                       const std::string& shape);

    /// Reports the keys no read asked for, at their path: "unknown key" (with the nearest known key
    /// as a hint), or `message` when given. Call once, after every read (not at all for formats
    /// whose extra keys are allowed).
    void finish(const std::string& message = {});

private:
    /// Marks `key` as known; its value, or null (a problem when `required`).
    const nlohmann::json* find(const std::string& key, bool required = false);
    void wrongType(const std::string& key, const char* expected);

    const nlohmann::json* node_;
    std::string path_;
    std::vector<JsonProblem>* problems_;
    std::set<std::string> known_;
};

template <typename Enum, typename Parse>
bool JsonReader::choice(const std::string& key, Enum& target, Parse parse,
                        const std::string& choices) {
    std::string text;
    if (!this->text(key, text)) return false;
    if (const auto value = parse(text)) {
        target = *value;
        return true;
    }
    problem(key, "unknown value '" + text + "' (expected " + choices + ")");
    return false;
}

}  // namespace mtrec
