#include "experiment/evaluated_model.h"

#include <filesystem>

#include "experiment/run_folder.h"
#include "experiment/training_config.h"
#include "model/encoder.h"
#include "model/encoder_checkpoint.h"
#include "model/huggingface_encoder.h"
#include "text/tokenizer_loader.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

bool isFile(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool isHuggingFaceFolder(const fs::path& folder) {
    return isFile(folder / "config.json") && isFile(folder / "model.safetensors");
}

bool isCheckpointFolder(const fs::path& folder) {
    return isFile(folder / "encoder.json");
}

/// The weights and the default tokenizer of a source folder.
struct Resolved {
    std::string weights;
    bool huggingFace = false;
    fs::path tokenizer;  ///< where the tokenizer is when the source names none
};

Result<Resolved> resolve(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return Error{folder.string() + ": no such model folder"};
    if (isHuggingFaceFolder(folder)) return Resolved{folder.string(), true, folder};
    if (isCheckpointFolder(folder))
        return Resolved{folder.string(), false, RunFolder::ofCheckpoint(folder).tokenizerModel()};
    const std::optional<RunFolder> run = RunFolder::at(folder);
    if (!run)
        return Error{folder.string() +
                     ": not a model folder (a Hugging Face folder with config.json and "
                     "model.safetensors, a checkpoint with encoder.json, or a run's folder with "
                     "checkpoints/)"};
    Result<std::string> weights = run->evaluatedWeights();
    if (!weights) return weights.error();
    return Resolved{weights.value(), false, run->tokenizerModel()};
}

/// Texts of encoding.maxLength tokens must fit the model's learned positions.
Status checkLength(const model::EncoderConfig& config, const text::BatchEncodingOptions& encoding,
                   const std::string& weights) {
    const bool offset = config.architecture == model::Architecture::XlmRoberta;
    const std::int64_t positions = config.maxPositions - (offset ? config.padId + 1 : 0);
    if (static_cast<std::int64_t>(encoding.maxLength) <= positions) return success();
    return Error{weights + ": the model has " + std::to_string(positions) +
                 " positions, too few for texts of " + std::to_string(encoding.maxLength) +
                 " tokens; lower the maximum length (mtrec eval --max-length)"};
}

Result<EvaluatedModel> load(const std::string& weights, bool huggingFace,
                            const fs::path& tokenizerPath,
                            const text::BatchEncodingOptions& encoding) {
    EvaluatedModel model;
    Result<std::unique_ptr<text::Tokenizer>> tokenizer = text::loadTokenizer(tokenizerPath);
    if (!tokenizer) return tokenizer.error();
    model.tokenizer = std::move(tokenizer).value();
    model.batchEncoder = std::make_unique<text::BatchEncoder>(*model.tokenizer, encoding);
    Result<model::Encoder> encoder =
        huggingFace ? model::loadHuggingFaceEncoder(weights) : model::loadEncoder(weights);
    if (!encoder) return encoder.error();
    if (Status fits = checkLength(encoder.value()->config(), encoding, weights); !fits)
        return fits.error();
    model.encoder = encoder.value();
    model.folder = weights;
    return model;
}

}  // namespace

Result<EvaluatedModel> loadEvaluatedModel(const ModelSource& source) {
    Result<Resolved> resolved = resolve(fs::path(source.folder));
    if (!resolved) return resolved.error();
    const Resolved& found = resolved.value();
    fs::path tokenizer = source.tokenizer.empty() ? found.tokenizer : fs::path(source.tokenizer);
    std::error_code ec;
    if (source.tokenizer.empty() && !found.huggingFace && !fs::exists(tokenizer, ec))
        return Error{tokenizer.string() +
                     " is missing: the run trained no tokenizer of its own; name the tokenizer "
                     "it used"};
    return load(found.weights, found.huggingFace, tokenizer, source.encoding);
}

Result<EvaluatedModel> loadEvaluatedModel(const RunFolder& run, const TrainingConfig& config) {
    Result<std::string> weights = run.evaluatedWeights();
    if (!weights) return weights.error();
    const fs::path tokenizer =
        config.tokenizer.train ? run.tokenizerModel() : fs::path(config.tokenizer.path);
    return load(weights.value(), false, tokenizer, config.tokenizer.encoding);
}

}  // namespace mtrec::experiment
