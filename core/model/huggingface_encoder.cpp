#include "model/huggingface_encoder.h"

#include <filesystem>
#include <sstream>
#include <vector>

#include <ATen/Functions.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <nlohmann/json.hpp>

#include "common/json_document.h"
#include "common/json_reader.h"
#include "model/safetensors.h"

namespace mtrec::model {

namespace {

std::string shapeText(at::IntArrayRef shape) {
    std::ostringstream out;
    out << "[";
    for (std::size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
    out << "]";
    return out.str();
}

/// Reads HF tensors by their name without the model prefix ("roberta.", "bert.", or none).
class CheckpointReader {
public:
    CheckpointReader(const SafetensorsFile& file, std::string prefix)
        : file_(file), prefix_(std::move(prefix)) {}

    /// Copies the named tensors, concatenated along dimension 0, into `target`.
    Status load(at::Tensor& target, const std::vector<std::string>& names) const {
        std::vector<at::Tensor> parts;
        for (const std::string& name : names) {
            Result<at::Tensor> part = readOne(name);
            if (!part) return part.error();
            const int64_t expectedRows = target.size(0) / static_cast<int64_t>(names.size());
            std::vector<int64_t> expected = target.sizes().vec();
            expected[0] = expectedRows;
            if (part.value().sizes() != at::IntArrayRef(expected))
                return Error{file_.path() + ": tensor '" + prefix_ + name + "' has shape " +
                             shapeText(part.value().sizes()) + ", expected " + shapeText(expected)};
            parts.push_back(std::move(part).value());
        }
        target.copy_(parts.size() == 1 ? parts[0] : at::cat(parts, 0));
        return success();
    }

private:
    Result<at::Tensor> readOne(const std::string& name) const {
        if (file_.find(prefix_ + name)) return file_.readFloat(prefix_ + name);
        // TF-converted BERT checkpoints name LayerNorm parameters gamma and beta.
        for (const auto& [modern, legacy] : {std::pair{".weight", ".gamma"}, {".bias", ".beta"}}) {
            const std::string suffix(modern);
            if (name.size() > suffix.size() &&
                name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
                const std::string old =
                    prefix_ + name.substr(0, name.size() - suffix.size()) + legacy;
                if (name.find("LayerNorm") != std::string::npos && file_.find(old))
                    return file_.readFloat(old);
            }
        }
        return Error{file_.path() + ": missing tensor '" + prefix_ + name + "'"};
    }

    const SafetensorsFile& file_;
    std::string prefix_;
};

/// "roberta.", "bert.", "" …: whatever precedes the word embeddings' name.
Result<std::string> modelPrefix(const SafetensorsFile& file) {
    const std::string anchor = "embeddings.word_embeddings.weight";
    for (const SafetensorsEntry& entry : file.entries()) {
        const std::string& name = entry.name;
        if (name.size() >= anchor.size() &&
            name.compare(name.size() - anchor.size(), anchor.size(), anchor) == 0 &&
            (name.size() == anchor.size() || name[name.size() - anchor.size() - 1] == '.'))
            return name.substr(0, name.size() - anchor.size());
    }
    return Error{file.path() +
                 ": missing tensor 'embeddings.word_embeddings.weight' (with or "
                 "without a 'roberta.'/'bert.' prefix)"};
}

Status loadLayer(const CheckpointReader& reader, int64_t i,
                 std::map<std::string, at::Tensor>& params) {
    const std::string ours = "layer." + std::to_string(i) + ".";
    const std::string hf = "encoder.layer." + std::to_string(i) + ".";
    const std::string self = hf + "attention.self.";
    const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
        {"attention.qkv.weight",
         {self + "query.weight", self + "key.weight", self + "value.weight"}},
        {"attention.qkv.bias", {self + "query.bias", self + "key.bias", self + "value.bias"}},
        {"attention.output.weight", {hf + "attention.output.dense.weight"}},
        {"attention.output.bias", {hf + "attention.output.dense.bias"}},
        {"attention_norm.weight", {hf + "attention.output.LayerNorm.weight"}},
        {"attention_norm.bias", {hf + "attention.output.LayerNorm.bias"}},
        {"feed_forward.intermediate.weight", {hf + "intermediate.dense.weight"}},
        {"feed_forward.intermediate.bias", {hf + "intermediate.dense.bias"}},
        {"feed_forward.output.weight", {hf + "output.dense.weight"}},
        {"feed_forward.output.bias", {hf + "output.dense.bias"}},
        {"output_norm.weight", {hf + "output.LayerNorm.weight"}},
        {"output_norm.bias", {hf + "output.LayerNorm.bias"}},
    };
    for (const auto& [name, sources] : table) {
        Status status = reader.load(params.at(ours + name), sources);
        if (!status) return status;
    }
    return success();
}

Status loadWeights(EncoderImpl& encoder, const SafetensorsFile& file) {
    Result<std::string> prefix = modelPrefix(file);
    if (!prefix) return prefix.error();
    const CheckpointReader reader(file, prefix.value());
    std::map<std::string, at::Tensor> params;
    for (const auto& item : encoder.named_parameters()) params[item.key()] = item.value();
    torch::NoGradGuard noGrad;
    std::vector<std::string> embeddingNames = {
        "embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
        "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"};
    if (encoder.config().typeVocabSize > 0)
        embeddingNames.push_back("embeddings.token_type_embeddings.weight");
    for (const std::string& name : embeddingNames) {
        Status status = reader.load(params.at(name), {name});
        if (!status) return status;
    }
    for (int64_t i = 0; i < encoder.config().layers; ++i) {
        Status status = loadLayer(reader, i, params);
        if (!status) return status;
    }
    return success();
}

}  // namespace

Result<EncoderConfig> huggingFaceConfig(const JsonValue& json, Pooling pooling) {
    EncoderConfig c;
    c.pooling = pooling;
    c.preLayerNorm = false;
    std::string modelType, positionType = "absolute";
    std::vector<JsonProblem> problems;
    // Hugging Face configs hold many keys this reader has no use for: no finish().
    JsonReader fields = JsonReader::document(json.json(), problems, json.path());
    fields.text("model_type", modelType, true);
    if (modelType == "xlm-roberta" || modelType == "roberta") {
        c.architecture = Architecture::XlmRoberta;
        c.typeVocabSize = 1;
        c.padId = 1;
    } else if (modelType == "bert") {
        c.architecture = Architecture::Bert;
        c.typeVocabSize = 2;
        c.padId = 0;
    } else if (!modelType.empty()) {
        fields.problem("model_type", "model_type '" + modelType +
                                         "' is not supported (xlm-roberta, roberta, bert)");
    }
    fields.integer("vocab_size", c.vocabSize, true);
    fields.integer("hidden_size", c.hiddenSize, true);
    fields.integer("num_hidden_layers", c.layers, true);
    fields.integer("num_attention_heads", c.heads, true);
    fields.integer("intermediate_size", c.intermediateSize, true);
    fields.integer("max_position_embeddings", c.maxPositions, true);
    fields.integer("type_vocab_size", c.typeVocabSize);
    fields.number("layer_norm_eps", c.layerNormEps);
    fields.integer("pad_token_id", c.padId);
    fields.text("hidden_act", c.hiddenAct);
    fields.number("hidden_dropout_prob", c.dropout);
    fields.number("attention_probs_dropout_prob", c.attentionDropout);
    fields.text("position_embedding_type", positionType);
    if (positionType != "absolute")
        fields.problem("position_embedding_type", "position_embedding_type '" + positionType +
                                                      "' is not supported (absolute)");
    if (problems.empty())
        for (const std::string& problem : validate(c)) fields.problem("", problem);
    if (!problems.empty()) return Error{describeProblems(json.file(), problems)};
    return c;
}

Result<Encoder> loadHuggingFaceEncoder(const std::string& folder, Pooling pooling) {
    const std::filesystem::path root(folder);
    Result<JsonDocument> document = JsonDocument::read((root / "config.json").string());
    if (!document) return document.error();
    Result<EncoderConfig> config = huggingFaceConfig(document.value().root(), pooling);
    if (!config) return config.error();
    Result<SafetensorsFile> file = SafetensorsFile::open((root / "model.safetensors").string());
    if (!file) return file.error();
    auto encoder = std::make_shared<EncoderImpl>(config.value());
    Status status = loadWeights(*encoder, file.value());
    if (!status) return status.error();
    encoder->eval();
    return encoder;
}

}  // namespace mtrec::model
