#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/json_value.h"

namespace mtrec::model {

/// Reads optional or required typed members of one JSON object into variables, collecting every
/// problem as "<file>: <json path>: <what>" instead of stopping at the first. A missing optional
/// key leaves the variable as it was. Not thread-safe (one reader per object).
class JsonFields {
public:
    explicit JsonFields(JsonValue object);

    JsonFields& integer(std::string_view key, int64_t& out, bool required = false);
    JsonFields& number(std::string_view key, double& out, bool required = false);  ///< int or float
    JsonFields& boolean(std::string_view key, bool& out, bool required = false);
    JsonFields& string(std::string_view key, std::string& out, bool required = false);

    /// Records an error for every key of the object not in `known`.
    void rejectUnknown(std::initializer_list<std::string_view> known);

    /// Records a problem at the object itself, or at `key` when it is present.
    void fail(const std::string& what, std::string_view key = {});

    const std::vector<std::string>& errors() const { return errors_; }
    bool ok() const { return errors_.empty() && objectOk_; }
    /// All problems in one Error, one per line.
    Error error() const;

private:
    bool find(std::string_view key, bool required, JsonValue& out);

    JsonValue object_;
    bool objectOk_;
    std::vector<std::string> errors_;
};

}  // namespace mtrec::model
