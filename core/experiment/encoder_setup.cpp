#include "experiment/encoder_setup.h"

#include <memory>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/json_value.h"
#include "model/encoder_config.h"
#include "model/huggingface_encoder.h"
#include "text/tokenizer.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kOrigin = "config";  // file name in JsonValue errors, stripped again

/// What the tokenizer fixes of the encoder; nullopt where it is not known yet.
struct TokenizerShape {
    std::optional<std::int64_t> vocabSize;
    std::optional<std::int64_t> padId;
    std::size_t maxLength = 128;
};

/// "config: $.model.x: what" lines as problems at $.model.x.
void addLines(const std::string& message, std::vector<ConfigProblem>& problems) {
    std::istringstream lines(message);
    std::string line;
    const std::string prefix = std::string(kOrigin) + ": ";
    while (std::getline(lines, line)) {
        if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
        const auto split = line.find(": ");
        if (line.rfind("$", 0) == 0 && split != std::string::npos)
            problems.push_back({line.substr(0, split), line.substr(split + 2)});
        else
            problems.push_back({"$.model", line});
    }
}

void checkGiven(const json& model, const char* key, std::optional<std::int64_t> expected,
                const char* what, std::vector<ConfigProblem>& problems) {
    if (!expected || !model.contains(key) || !model[key].is_number_integer()) return;
    if (model[key].get<std::int64_t>() != *expected)
        problems.push_back({std::string("$.model.") + key,
                            std::to_string(model[key].get<std::int64_t>()) + " differs from the " +
                                what + " (" + std::to_string(*expected) + "); leave it out"});
}

/// The section with the tokenizer's values filled in, read as an EncoderConfig.
Result<model::EncoderConfig> readSection(const json& model, const TokenizerShape& shape) {
    json filled = model;
    if (!filled.contains("vocab_size")) filled["vocab_size"] = shape.vocabSize.value_or(1 << 20);
    if (!filled.contains("pad_id")) filled["pad_id"] = shape.padId.value_or(0);
    if (!filled.contains("max_positions")) {
        std::int64_t positions = static_cast<std::int64_t>(shape.maxLength);
        if (filled.contains("architecture") && filled["architecture"] == "xlm-roberta" &&
            filled["pad_id"].is_number_integer())
            positions += filled["pad_id"].get<std::int64_t>() + 1;
        filled["max_positions"] = positions;
    }
    const auto document = std::make_shared<const json>(std::move(filled));
    const JsonValue value(document.get(), std::make_shared<const std::string>(kOrigin),
                                "$.model", document);
    return model::encoderConfigFromJson(value);
}

std::vector<ConfigProblem> checkSection(const json& model, const TokenizerShape& shape) {
    std::vector<ConfigProblem> problems;
    if (model.contains("hf_folder")) {
        for (const auto& [key, value] : model.items())
            if (key != "hf_folder" && key != "pooling")
                problems.push_back({"$.model." + key,
                                    "not used with hf_folder (the folder's config.json decides)"});
        if (model.contains("pooling") &&
            (!model["pooling"].is_string() ||
             !model::parsePooling(model["pooling"].get<std::string>())))
            problems.push_back({"$.model.pooling", "expected \"mean\" or \"cls\""});
        return problems;
    }
    checkGiven(model, "vocab_size", shape.vocabSize, "tokenizer's vocabulary size", problems);
    checkGiven(model, "pad_id", shape.padId, "tokenizer's pad id", problems);
    Result<model::EncoderConfig> config = readSection(model, shape);
    if (!config) return addLines(config.error().message, problems), problems;
    const model::EncoderConfig& c = config.value();
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

fs::path resolve(const fs::path& baseDir, const std::string& path) {
    const fs::path given(path);
    return given.is_absolute() || baseDir.empty() ? given : baseDir / given;
}

}  // namespace

std::vector<ConfigProblem> checkModelSection(const TrainingConfig& config) {
    TokenizerShape shape;
    shape.maxLength = config.tokenizer.encoding.maxLength;
    if (config.tokenizer.train) {
        shape.vocabSize = config.tokenizer.train->vocabSize;
        shape.padId = 3;  // text::trainSentencePiece's fixed <pad>
    }
    return checkSection(config.model, shape);
}

Result<model::Encoder> buildEncoder(const TrainingConfig& config, const text::Tokenizer& tokenizer,
                                    const fs::path& baseDir) {
    TokenizerShape shape{tokenizer.vocabSize(), tokenizer.specialTokens().pad,
                         config.tokenizer.encoding.maxLength};
    if (std::vector<ConfigProblem> problems = checkSection(config.model, shape); !problems.empty())
        return Error{describeProblems("the run's config", problems)};
    if (config.model.contains("hf_folder")) {
        const std::string folder =
            resolve(baseDir, config.model["hf_folder"].get<std::string>()).string();
        const auto pooling = model::parsePooling(config.model.value("pooling", "mean"));
        Result<model::Encoder> encoder = model::loadHuggingFaceEncoder(folder, pooling.value());
        if (!encoder) return encoder.error();
        if (encoder.value()->config().vocabSize < tokenizer.vocabSize())
            return Error{folder + ": the encoder's vocabulary (" +
                         std::to_string(encoder.value()->config().vocabSize) +
                         ") is smaller than the tokenizer's (" +
                         std::to_string(tokenizer.vocabSize()) + ")"};
        encoder.value()->train();
        return encoder;
    }
    Result<model::EncoderConfig> encoderConfig = readSection(config.model, shape);
    if (!encoderConfig) return encoderConfig.error();
    Result<model::Encoder> encoder = model::createEncoder(encoderConfig.value(), config.seed);
    if (!encoder) return encoder.error();
    encoder.value()->train();
    return encoder;
}

}  // namespace mtrec::experiment
