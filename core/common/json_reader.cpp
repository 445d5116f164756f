#include "common/json_reader.h"

#include <algorithm>
#include <limits>

namespace mtrec {
namespace {

/// Levenshtein distance, for "did you mean" hints on misspelt keys.
std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string describeProblems(const std::string& file, const std::vector<JsonProblem>& problems) {
    std::string text;
    for (const JsonProblem& problem : problems)
        text += (text.empty() ? "" : "\n") + file + ": " + problem.text();
    return text;
}

std::string jsonTypeName(const nlohmann::json& value) {
    if (value.is_object()) return "an object";
    if (value.is_array()) return "an array";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_number()) return "a number";
    return "null";
}

JsonReader::JsonReader(const nlohmann::json* node, std::string path,
                       std::vector<JsonProblem>& problems)
    : node_(node), path_(std::move(path)), problems_(&problems) {}

JsonReader JsonReader::document(const nlohmann::json& root, std::vector<JsonProblem>& problems,
                                std::string path) {
    if (root.is_object()) return JsonReader(&root, std::move(path), problems);
    problems.push_back({path, "expected a JSON object, found " + jsonTypeName(root)});
    return JsonReader(nullptr, std::move(path), problems);
}

bool JsonReader::has(const std::string& key) const {
    return node_ && node_->is_object() && node_->contains(key);
}

void JsonReader::problem(const std::string& key, const std::string& message) {
    problems_->push_back({key.empty() ? path_ : pathOf(key), message});
}

const nlohmann::json* JsonReader::find(const std::string& key, bool required) {
    known_.insert(key);
    if (has(key)) return &node_->at(key);
    if (required) problem(key, "missing (required)");
    return nullptr;
}

const nlohmann::json* JsonReader::raw(const std::string& key) {
    return find(key);
}

void JsonReader::wrongType(const std::string& key, const char* expected) {
    problem(key, std::string("expected ") + expected + ", found " + jsonTypeName(node_->at(key)));
}

bool JsonReader::text(const std::string& key, std::string& target, bool required) {
    const nlohmann::json* value = find(key, required);
    if (!value) return false;
    if (!value->is_string()) return wrongType(key, "a string"), false;
    target = value->get<std::string>();
    return true;
}

bool JsonReader::flag(const std::string& key, bool& target, bool required) {
    const nlohmann::json* value = find(key, required);
    if (!value) return false;
    if (!value->is_boolean()) return wrongType(key, "true or false"), false;
    target = value->get<bool>();
    return true;
}

bool JsonReader::flagOrNull(const std::string& key, bool& target) {
    const nlohmann::json* value = find(key);
    if (!value || value->is_null()) return false;
    if (!value->is_boolean()) return wrongType(key, "true, false or null"), false;
    target = value->get<bool>();
    return true;
}

bool JsonReader::flagOrNull(const std::string& key, std::optional<bool>& target) {
    bool value = false;
    if (!flagOrNull(key, value)) return false;
    target = value;
    return true;
}

bool JsonReader::number(const std::string& key, double& target, bool required) {
    const nlohmann::json* value = find(key, required);
    if (!value) return false;
    if (!value->is_number()) return wrongType(key, "a number"), false;
    target = value->get<double>();
    return true;
}

bool JsonReader::integer(const std::string& key, std::int64_t& target, bool required) {
    const nlohmann::json* value = find(key, required);
    if (!value) return false;
    if (!value->is_number_integer()) return wrongType(key, "a whole number"), false;
    if (value->is_number_unsigned() &&
        value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
        return problem(key, "out of range"), false;
    target = value->get<std::int64_t>();
    return true;
}

bool JsonReader::integer(const std::string& key, int& target) {
    std::int64_t wide = 0;
    if (!integer(key, wide)) return false;
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
        return problem(key, "out of range"), false;
    target = static_cast<int>(wide);
    return true;
}

bool JsonReader::unsignedInteger(const std::string& key, std::uint64_t& target) {
    const nlohmann::json* value = find(key);
    if (!value) return false;
    if (!value->is_number_integer()) return wrongType(key, "a whole number"), false;
    // A parsed non-negative number is unsigned; one built in code may be signed.
    if (!value->is_number_unsigned() && value->get<std::int64_t>() < 0)
        return problem(key, "must not be negative"), false;
    target = value->get<std::uint64_t>();
    return true;
}

bool JsonReader::count(const std::string& key, std::size_t& target) {
    std::uint64_t value = 0;
    if (!unsignedInteger(key, value)) return false;
    target = static_cast<std::size_t>(value);
    return true;
}

bool JsonReader::count(const std::string& key, std::optional<std::size_t>& target) {
    std::size_t value = 0;
    if (!count(key, value)) return false;
    target = value;
    return true;
}

bool JsonReader::texts(const std::string& key, std::vector<std::string>& target) {
    const nlohmann::json* value = find(key);
    if (!value) return false;
    if (!value->is_array()) return wrongType(key, "an array of strings"), false;
    std::vector<std::string> result;
    bool ok = true;
    for (std::size_t i = 0; i < value->size(); ++i) {
        if ((*value)[i].is_string()) {
            result.push_back((*value)[i].get<std::string>());
        } else {
            problems_->push_back({pathOf(key) + "[" + std::to_string(i) + "]",
                                  "expected a string, found " + jsonTypeName((*value)[i])});
            ok = false;
        }
    }
    if (ok) target = std::move(result);
    return ok;
}

JsonReader JsonReader::object(const std::string& key, bool required) {
    const nlohmann::json* value = find(key, required);
    if (value && !value->is_object()) {
        wrongType(key, "an object");
        value = nullptr;
    }
    return JsonReader(value, pathOf(key), *problems_);
}

std::vector<const nlohmann::json*> JsonReader::array(const std::string& key) {
    const nlohmann::json* value = find(key);
    std::vector<const nlohmann::json*> elements;
    if (!value) return elements;
    if (!value->is_array()) return wrongType(key, "an array"), elements;
    for (const nlohmann::json& element : *value) elements.push_back(&element);
    return elements;
}

JsonReader JsonReader::element(const std::string& key, std::size_t index,
                               const nlohmann::json& value, const std::string& shape) {
    JsonReader reader(&value, pathOf(key) + "[" + std::to_string(index) + "]", *problems_);
    if (value.is_object()) return reader;
    reader.problem("", "expected an object " + shape);
    reader.node_ = nullptr;
    return reader;
}

void JsonReader::finish(const std::string& otherMessage) {
    if (!node_ || !node_->is_object()) return;
    for (const auto& [key, value] : node_->items()) {
        if (known_.count(key)) continue;
        if (!otherMessage.empty()) {
            problem(key, otherMessage);
            continue;
        }
        std::string message = "unknown key";
        std::size_t best = std::numeric_limits<std::size_t>::max();
        std::string hint;
        for (const std::string& candidate : known_) {
            const std::size_t distance = editDistance(key, candidate);
            if (distance < best) best = distance, hint = candidate;
        }
        if (!hint.empty() && best <= std::max<std::size_t>(2, key.size() / 3))
            message += " (did you mean '" + hint + "'?)";
        problem(key, message);
    }
}

}  // namespace mtrec
