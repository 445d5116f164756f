#include "experiment/json_path.h"

#include <cctype>

namespace mtrec::experiment {
namespace {

bool keyCharacter(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

}  // namespace

Result<std::vector<JsonPathStep>> parseJsonPath(const std::string& path) {
    const Error malformed{"'" + path + "' is not a JSON path like $.optimizer.lr or $.evaluation[0]"};
    if (path.rfind("$", 0) != 0) return malformed;
    std::vector<JsonPathStep> steps;
    std::size_t at = 1;
    while (at < path.size()) {
        if (path[at] == '.') {
            const std::size_t first = ++at;
            while (at < path.size() && keyCharacter(path[at])) ++at;
            if (at == first) return malformed;
            steps.push_back({path.substr(first, at - first), std::nullopt});
        } else if (path[at] == '[') {
            const std::size_t first = ++at;
            while (at < path.size() && std::isdigit(static_cast<unsigned char>(path[at]))) ++at;
            if (at == first || at >= path.size() || path[at] != ']') return malformed;
            steps.push_back({"", std::stoul(path.substr(first, at - first))});
            ++at;
        } else {
            return malformed;
        }
    }
    if (steps.empty()) return Error{"'" + path + "' names the whole config, not one value"};
    return steps;
}

Status setJsonPath(nlohmann::json& document, const std::string& path,
                   const nlohmann::json& value) {
    Result<std::vector<JsonPathStep>> steps = parseJsonPath(path);
    if (!steps) return steps.error();
    nlohmann::json* node = &document;
    for (const JsonPathStep& step : steps.value()) {
        if (step.index) {
            if (!node->is_array() || *step.index >= node->size())
                return Error{path + ": the config has no element [" +
                             std::to_string(*step.index) + "] there"};
            node = &(*node)[*step.index];
        } else {
            if (node->is_null()) *node = nlohmann::json::object();
            if (!node->is_object())
                return Error{path + ": '" + step.key + "' is not inside an object in the config"};
            node = &(*node)[step.key];
        }
    }
    *node = value;
    return success();
}

}  // namespace mtrec::experiment
