#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace mtrec::experiment {

/// One step of a JSON path: an object key, or an array index.
struct JsonPathStep {
    std::string key;                   ///< empty for an index
    std::optional<std::size_t> index;  ///< set for an index
};

/// Parses "$.optimizer.lr" or "$.evaluation[0].languages" (keys of letters, digits and '_'); an
/// Error says what is wrong with any other text.
Result<std::vector<JsonPathStep>> parseJsonPath(const std::string& path);

/// Sets the value at `path` in `document`, making missing object keys on the way (an unknown key is
/// then reported by the config's own check); an index must name an element that exists. An Error
/// says which step cannot be followed.
Status setJsonPath(nlohmann::json& document, const std::string& path, const nlohmann::json& value);

}  // namespace mtrec::experiment
