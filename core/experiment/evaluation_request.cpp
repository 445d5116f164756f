#include "experiment/evaluation_request.h"

#include <nlohmann/json.hpp>

namespace mtrec::experiment {

bool isEvaluationRequest(const nlohmann::json& config) {
    if (!config.is_object()) return false;
    const auto command = config.find("command");
    return command != config.end() && command->is_string() && *command == "eval";
}

}  // namespace mtrec::experiment
