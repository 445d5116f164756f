#include "experiment/encoder_setup.h"

#include "model/huggingface_encoder.h"
#include "text/tokenizer.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

fs::path resolve(const fs::path& baseDir, const std::string& path) {
    const fs::path given(path);
    return given.is_absolute() || baseDir.empty() ? given : baseDir / given;
}

Result<model::Encoder> loadHuggingFace(const TrainingConfig& config,
                                       const text::Tokenizer& tokenizer, const fs::path& baseDir) {
    const std::string folder = resolve(baseDir, config.model.hfFolder).string();
    Result<model::Encoder> encoder =
        model::loadHuggingFaceEncoder(folder, config.model.encoder.pooling);
    if (!encoder) return encoder.error();
    if (encoder.value()->config().vocabSize < tokenizer.vocabSize())
        return Error{folder + ": the encoder's vocabulary (" +
                     std::to_string(encoder.value()->config().vocabSize) +
                     ") is smaller than the tokenizer's (" + std::to_string(tokenizer.vocabSize()) +
                     ")"};
    return encoder;
}

}  // namespace

std::vector<ConfigProblem> checkModelSection(const TrainingConfig& config) {
    return checkModel(config);
}

Result<model::Encoder> buildEncoder(const TrainingConfig& config, const text::Tokenizer& tokenizer,
                                    const fs::path& baseDir) {
    Result<model::Encoder> encoder = Error{};
    if (!config.model.hfFolder.empty()) {
        encoder = loadHuggingFace(config, tokenizer, baseDir);
    } else {
        Result<model::EncoderConfig> encoderConfig =
            encoderConfigFor(config, tokenizer.vocabSize(), tokenizer.specialTokens().pad);
        if (!encoderConfig) return encoderConfig.error();
        encoder = model::createEncoder(encoderConfig.value(), config.seed);
    }
    if (!encoder) return encoder.error();
    encoder.value()->train();
    return encoder;
}

}  // namespace mtrec::experiment
