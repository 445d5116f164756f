#include "model/json_fields.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

namespace mtrec::model {

JsonFields::JsonFields(JsonValue object)
    : object_(std::move(object)), objectOk_(object_.isObject()) {
    if (!objectOk_) errors_.push_back(object_.error("expected an object").message);
}

bool JsonFields::find(std::string_view key, bool required, JsonValue& out) {
    if (!objectOk_) return false;
    if (!object_.has(key)) {
        if (required)
            errors_.push_back(object_.error("missing key '" + std::string(key) + "'").message);
        return false;
    }
    out = object_.member(key).value();
    return true;
}

JsonFields& JsonFields::integer(std::string_view key, int64_t& out, bool required) {
    JsonValue value = object_;
    if (!find(key, required, value)) return *this;
    Result<int64_t> parsed = value.integer();
    if (parsed)
        out = parsed.value();
    else
        errors_.push_back(parsed.error().message);
    return *this;
}

JsonFields& JsonFields::number(std::string_view key, double& out, bool required) {
    JsonValue value = object_;
    if (!find(key, required, value)) return *this;
    if (value.json().is_number())
        out = value.json().get<double>();
    else
        errors_.push_back(value.error("expected a number").message);
    return *this;
}

JsonFields& JsonFields::boolean(std::string_view key, bool& out, bool required) {
    JsonValue value = object_;
    if (!find(key, required, value)) return *this;
    if (value.json().is_boolean())
        out = value.json().get<bool>();
    else
        errors_.push_back(value.error("expected true or false").message);
    return *this;
}

JsonFields& JsonFields::string(std::string_view key, std::string& out, bool required) {
    JsonValue value = object_;
    if (!find(key, required, value)) return *this;
    Result<std::string> parsed = value.string();
    if (parsed)
        out = parsed.value();
    else
        errors_.push_back(parsed.error().message);
    return *this;
}

void JsonFields::rejectUnknown(std::initializer_list<std::string_view> known) {
    if (!objectOk_) return;
    for (const auto& item : object_.json().items()) {
        if (std::find(known.begin(), known.end(), item.key()) == known.end())
            errors_.push_back(object_.error("unknown key '" + item.key() + "'").message);
    }
}

void JsonFields::fail(const std::string& what, std::string_view key) {
    if (!key.empty() && object_.has(key))
        errors_.push_back(object_.member(key).value().error(what).message);
    else
        errors_.push_back(object_.error(what).message);
}

Error JsonFields::error() const {
    std::string message;
    for (const std::string& line : errors_) message += (message.empty() ? "" : "\n") + line;
    return Error{message};
}

}  // namespace mtrec::model
