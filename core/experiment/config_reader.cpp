#include "experiment/config_reader.h"

#include <algorithm>
#include <limits>

namespace mtrec::experiment {
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

std::string jsonTypeName(const nlohmann::json& value) {
    if (value.is_object()) return "an object";
    if (value.is_array()) return "an array";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_number()) return "a number";
    return "null";
}

ConfigObject::ConfigObject(const nlohmann::json* node, std::string path,
                           std::vector<ConfigProblem>& problems)
    : node_(node), path_(std::move(path)), problems_(&problems) {}

bool ConfigObject::has(const std::string& key) const {
    return node_ && node_->is_object() && node_->contains(key);
}

void ConfigObject::problem(const std::string& key, const std::string& message) {
    problems_->push_back({key.empty() ? path_ : pathOf(key), message});
}

const nlohmann::json* ConfigObject::find(const std::string& key) {
    known_.insert(key);
    if (!has(key)) return nullptr;
    return &node_->at(key);
}

const nlohmann::json* ConfigObject::raw(const std::string& key) {
    return find(key);
}

void ConfigObject::wrongType(const std::string& key, const char* expected) {
    problem(key, std::string("expected ") + expected + ", found " + jsonTypeName(node_->at(key)));
}

bool ConfigObject::text(const std::string& key, std::string& target, bool required) {
    const nlohmann::json* value = find(key);
    if (!value) {
        if (required) problem(key, "missing (required)");
        return false;
    }
    if (!value->is_string()) return wrongType(key, "a string"), false;
    target = value->get<std::string>();
    return true;
}

bool ConfigObject::flag(const std::string& key, bool& target) {
    const nlohmann::json* value = find(key);
    if (!value) return false;
    if (!value->is_boolean()) return wrongType(key, "true or false"), false;
    target = value->get<bool>();
    return true;
}

bool ConfigObject::number(const std::string& key, double& target) {
    const nlohmann::json* value = find(key);
    if (!value) return false;
    if (!value->is_number()) return wrongType(key, "a number"), false;
    target = value->get<double>();
    return true;
}

bool ConfigObject::seed(const std::string& key, std::uint64_t& target) {
    const nlohmann::json* value = find(key);
    if (!value) return false;
    if (!value->is_number_integer()) return wrongType(key, "a whole number"), false;
    // A parsed non-negative number is unsigned; one built in code may be signed.
    if (!value->is_number_unsigned() && value->get<std::int64_t>() < 0)
        return problem(key, "must not be negative"), false;
    target = value->get<std::uint64_t>();
    return true;
}

bool ConfigObject::count(const std::string& key, std::size_t& target) {
    std::uint64_t value = 0;
    if (!seed(key, value)) return false;
    target = static_cast<std::size_t>(value);
    return true;
}

bool ConfigObject::count(const std::string& key, std::optional<std::size_t>& target) {
    std::size_t value = 0;
    if (!count(key, value)) return false;
    target = value;
    return true;
}

bool ConfigObject::integer(const std::string& key, int& target) {
    const nlohmann::json* value = find(key);
    if (!value) return false;
    if (!value->is_number_integer()) return wrongType(key, "a whole number"), false;
    const auto wide = value->get<std::int64_t>();
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
        return problem(key, "out of range"), false;
    target = static_cast<int>(wide);
    return true;
}

bool ConfigObject::texts(const std::string& key, std::vector<std::string>& target) {
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

ConfigObject ConfigObject::object(const std::string& key, bool required) {
    const nlohmann::json* value = find(key);
    if (!value && required) problem(key, "missing (required)");
    if (value && !value->is_object()) {
        wrongType(key, "an object");
        value = nullptr;
    }
    return ConfigObject(value, pathOf(key), *problems_);
}

std::vector<const nlohmann::json*> ConfigObject::array(const std::string& key) {
    const nlohmann::json* value = find(key);
    std::vector<const nlohmann::json*> elements;
    if (!value) return elements;
    if (!value->is_array()) return wrongType(key, "an array"), elements;
    for (const nlohmann::json& element : *value) elements.push_back(&element);
    return elements;
}

void ConfigObject::finish() {
    if (!node_ || !node_->is_object()) return;
    for (const auto& [key, value] : node_->items()) {
        if (known_.count(key)) continue;
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

}  // namespace mtrec::experiment
