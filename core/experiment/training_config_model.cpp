// The config's "model" section: reading, writing and checking the typed ModelConfig.
#include "experiment/training_config_sections.h"

namespace mtrec::experiment {
namespace {

using nlohmann::json;

constexpr std::int64_t kTrainedPadId = 3;  // text::trainSentencePiece's fixed <pad>

/// What the tokenizer fixes of the encoder; nullopt where it is not known yet.
struct TokenizerShape {
    std::optional<std::int64_t> vocabSize;
    std::optional<std::int64_t> padId;
    std::size_t maxLength = 128;
};

/// A value the encoder's JSON holds that the section keeps apart (`given`), and the default the
/// EncoderConfig field goes back to.
void takeGiven(JsonReader& model, const char* key, std::int64_t& field, std::int64_t fallback,
               std::optional<std::int64_t>& given) {
    if (model.has(key)) given = field;
    field = fallback;
}

void checkGiven(const std::optional<std::int64_t>& given, const char* key,
                std::optional<std::int64_t> expected, const char* what,
                std::vector<ConfigProblem>& problems) {
    if (!expected || !given || *given == *expected) return;
    problems.push_back(
        {std::string("$.model.") + key, std::to_string(*given) + " differs from the " + what +
                                            " (" + std::to_string(*expected) + "); leave it out"});
}

model::EncoderConfig encoderConfigFor(const ModelConfig& model, const TokenizerShape& shape) {
    model::EncoderConfig config = model.encoder;
    config.vocabSize = model.vocabSize.value_or(shape.vocabSize.value_or(1 << 20));
    config.padId = model.padId.value_or(shape.padId.value_or(0));
    std::int64_t positions = static_cast<std::int64_t>(shape.maxLength);
    if (config.architecture == model::Architecture::XlmRoberta) positions += config.padId + 1;
    config.maxPositions = model.maxPositions.value_or(positions);
    return config;
}

std::vector<ConfigProblem> checkShape(const ModelConfig& model, const TokenizerShape& shape) {
    std::vector<ConfigProblem> problems;
    if (!model.hfFolder.empty()) return problems;
    checkGiven(model.vocabSize, "vocab_size", shape.vocabSize, "tokenizer's vocabulary size",
               problems);
    checkGiven(model.padId, "pad_id", shape.padId, "tokenizer's pad id", problems);
    const model::EncoderConfig c = encoderConfigFor(model, shape);
    for (const std::string& problem : model::validate(c)) problems.push_back({"$.model", problem});
    const std::int64_t needed =
        static_cast<std::int64_t>(shape.maxLength) +
        (c.architecture == model::Architecture::XlmRoberta ? c.padId + 1 : 0);
    if (c.maxPositions < needed)
        problems.push_back(
            {"$.model.max_positions",
             std::to_string(c.maxPositions) + " is too few for $.tokenizer.max_length " +
                 std::to_string(shape.maxLength) + " (needs " + std::to_string(needed) + ")"});
    return problems;
}

}  // namespace

void readModel(JsonReader model, ModelConfig& out) {
    if (model.has("hf_folder")) {
        model.text("hf_folder", out.hfFolder);
        model::readPooling(model, "pooling", out.encoder.pooling);
        model.finish("not used with hf_folder (the folder's config.json decides)");
        return;
    }
    const model::EncoderConfig defaults;
    model::readEncoderConfig(model, out.encoder);
    takeGiven(model, "vocab_size", out.encoder.vocabSize, defaults.vocabSize, out.vocabSize);
    takeGiven(model, "pad_id", out.encoder.padId, defaults.padId, out.padId);
    takeGiven(model, "max_positions", out.encoder.maxPositions, defaults.maxPositions,
              out.maxPositions);
    model.finish();
}

json modelJson(const ModelConfig& model) {
    if (!model.hfFolder.empty())
        return {{"hf_folder", model.hfFolder}, {"pooling", model::toString(model.encoder.pooling)}};
    json out = model::toJson(model.encoder);
    for (const char* key : {"format_version", "vocab_size", "pad_id", "max_positions"})
        out.erase(key);
    if (model.vocabSize) out["vocab_size"] = *model.vocabSize;
    if (model.padId) out["pad_id"] = *model.padId;
    if (model.maxPositions) out["max_positions"] = *model.maxPositions;
    return out;
}

std::vector<ConfigProblem> checkModel(const TrainingConfig& config) {
    TokenizerShape shape;
    shape.maxLength = config.tokenizer.encoding.maxLength;
    if (config.tokenizer.train) {
        shape.vocabSize = config.tokenizer.train->vocabSize;
        shape.padId = kTrainedPadId;
    }
    return checkShape(config.model, shape);
}

Result<model::EncoderConfig> encoderConfigFor(const TrainingConfig& config, std::int64_t vocabSize,
                                              std::int64_t padId) {
    const TokenizerShape shape{vocabSize, padId, config.tokenizer.encoding.maxLength};
    if (std::vector<ConfigProblem> problems = checkShape(config.model, shape); !problems.empty())
        return Error{describeProblems("the run's config", problems)};
    return encoderConfigFor(config.model, shape);
}

}  // namespace mtrec::experiment
