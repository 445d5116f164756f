#include "common/json_value.h"

#include <cctype>

#include <nlohmann/json.hpp>

namespace mtrec {
namespace {

std::string article(const nlohmann::json& node) {
    switch (node.type()) {
        case nlohmann::json::value_t::null:
            return "null";
        case nlohmann::json::value_t::object:
            return "an object";
        case nlohmann::json::value_t::array:
            return "an array";
        case nlohmann::json::value_t::string:
            return "a string";
        case nlohmann::json::value_t::boolean:
            return "a boolean";
        case nlohmann::json::value_t::number_float:
            return "a non-integer number";
        default:
            return "a number";
    }
}

/// ".key" for identifier-like keys, "['key']" otherwise (JSONPath bracket notation).
std::string keyPath(std::string_view key) {
    bool plain = !key.empty() && !std::isdigit(static_cast<unsigned char>(key.front()));
    for (char c : key) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    return plain ? "." + std::string(key) : "['" + std::string(key) + "']";
}

}  // namespace

JsonValue::JsonValue(const nlohmann::json* node, std::shared_ptr<const std::string> file,
                     std::string path, std::shared_ptr<const nlohmann::json> document)
    : node_(node), file_(std::move(file)), path_(std::move(path)), document_(std::move(document)) {}

Error JsonValue::error(const std::string& what) const {
    return Error{*file_ + ": " + path_ + ": " + what};
}

Error JsonValue::typeError(const char* expected) const {
    return error(std::string("expected ") + expected + ", found " + article(*node_));
}

bool JsonValue::isObject() const {
    return node_->is_object();
}

bool JsonValue::has(std::string_view key) const {
    return node_->is_object() && node_->find(key) != node_->end();
}

Result<JsonValue> JsonValue::member(std::string_view key) const {
    if (!node_->is_object()) return typeError("an object");
    const auto it = node_->find(key);
    if (it == node_->end()) return error("missing key '" + std::string(key) + "'");
    return JsonValue(&*it, file_, path_ + keyPath(key), document_);
}

Result<std::vector<JsonValue>> JsonValue::elements() const {
    if (!node_->is_array()) return typeError("an array");
    std::vector<JsonValue> items;
    items.reserve(node_->size());
    for (std::size_t i = 0; i < node_->size(); ++i)
        items.emplace_back(&(*node_)[i], file_, path_ + "[" + std::to_string(i) + "]", document_);
    return items;
}

Result<std::string> JsonValue::string() const {
    if (!node_->is_string()) return typeError("a string");
    return node_->get<std::string>();
}

Result<std::int64_t> JsonValue::integer() const {
    if (!node_->is_number_integer()) return typeError("an integer");
    if (node_->is_number_unsigned() && node_->get<std::uint64_t>() > INT64_MAX)
        return error("integer too large");
    return node_->get<std::int64_t>();
}

Result<std::vector<JsonValue>> JsonValue::arrayAt(std::string_view key) const {
    Result<JsonValue> value = member(key);
    if (!value) return value.error();
    return value.value().elements();
}

Result<std::string> JsonValue::stringAt(std::string_view key) const {
    Result<JsonValue> value = member(key);
    if (!value) return value.error();
    return value.value().string();
}

Result<std::int64_t> JsonValue::integerAt(std::string_view key) const {
    Result<JsonValue> value = member(key);
    if (!value) return value.error();
    return value.value().integer();
}

}  // namespace mtrec
