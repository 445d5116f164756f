#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiment/training_config.h"

namespace mtrec::experiment {

/// Reads one JSON object of a config and records every problem instead of stopping at the first:
/// each typed read of a key marks the key as known, leaves the target unchanged when the key is
/// absent, and adds a problem (naming the JSON path) when the value has the wrong type or range;
/// finish() then reports every key nobody asked for, with the nearest known key as a hint. Borrows
/// the JSON (`node` may be null: an absent object, whose reads all find nothing) and the problem
/// list.
class ConfigObject {
public:
    ConfigObject(const nlohmann::json* node, std::string path,
                 std::vector<ConfigProblem>& problems);

    bool present() const { return node_ != nullptr; }
    bool has(const std::string& key) const;
    const std::string& path() const { return path_; }
    std::string pathOf(const std::string& key) const { return path_ + "." + key; }
    void problem(const std::string& key, const std::string& message);
    /// Marks `key` as known without reading it; returns its value or null.
    const nlohmann::json* raw(const std::string& key);

    /// Each returns true when the key was present with a valid value (then stored in `target`).
    bool text(const std::string& key, std::string& target, bool required = false);
    bool flag(const std::string& key, bool& target);
    bool number(const std::string& key, double& target);
    bool count(const std::string& key, std::size_t& target);  ///< a non-negative integer
    bool count(const std::string& key, std::optional<std::size_t>& target);
    bool seed(const std::string& key, std::uint64_t& target);  ///< a non-negative integer
    bool integer(const std::string& key, int& target);
    bool texts(const std::string& key, std::vector<std::string>& target);  ///< array of strings
    /// A nested object (an absent one reads as empty; a non-object is a problem and reads empty).
    ConfigObject object(const std::string& key, bool required = false);
    /// An array's elements (absent: none; a non-array is a problem).
    std::vector<const nlohmann::json*> array(const std::string& key);

    /// Reports the keys no read asked for. Call once, after every read.
    void finish();

private:
    const nlohmann::json* find(const std::string& key);
    void wrongType(const std::string& key, const char* expected);

    const nlohmann::json* node_;
    std::string path_;
    std::vector<ConfigProblem>* problems_;
    std::set<std::string> known_;
};

/// Reads an enum-valued string key with `parse` (text -> optional<Enum>); an unknown value is a
/// problem listing `choices`.
template <typename Enum, typename Parse>
void readChoice(ConfigObject& object, const std::string& key, Enum& target, Parse parse,
                const std::string& choices) {
    std::string text;
    if (!object.text(key, text)) return;
    if (const auto value = parse(text))
        target = *value;
    else
        object.problem(key, "unknown value '" + text + "' (expected " + choices + ")");
}

/// "a string", "an object", ...: how a JSON value's type reads in a problem.
std::string jsonTypeName(const nlohmann::json& value);

}  // namespace mtrec::experiment
