#include "model/encoder_config.h"

#include <cmath>
#include <tuple>

#include <nlohmann/json.hpp>

namespace mtrec::model {

EncoderConfig EncoderConfig::fromScratch(int64_t vocabSize, int64_t padId) {
    EncoderConfig config;
    config.vocabSize = vocabSize;
    config.padId = padId;
    return config;
}

std::vector<std::string> validate(const EncoderConfig& c) {
    std::vector<std::string> problems;
    auto positive = [&](int64_t value, const char* name) {
        if (value <= 0)
            problems.push_back(std::string(name) + " must be > 0, is " + std::to_string(value));
    };
    positive(c.vocabSize, "vocab_size");
    positive(c.hiddenSize, "hidden_size");
    positive(c.layers, "layers");
    positive(c.heads, "heads");
    positive(c.intermediateSize, "intermediate_size");
    positive(c.maxPositions, "max_positions");
    if (c.heads > 0 && c.hiddenSize > 0 && c.hiddenSize % c.heads != 0)
        problems.push_back("heads (" + std::to_string(c.heads) + ") must divide hidden_size (" +
                           std::to_string(c.hiddenSize) + ")");
    if (c.typeVocabSize < 0) problems.push_back("type_vocab_size must be >= 0");
    auto probability = [&](double p, const char* name) {
        if (!(p >= 0.0 && p < 1.0)) problems.push_back(std::string(name) + " must be in [0, 1)");
    };
    probability(c.dropout, "dropout");
    probability(c.attentionDropout, "attention_dropout");
    if (c.padId < 0 || (c.vocabSize > 0 && c.padId >= c.vocabSize))
        problems.push_back("pad_id " + std::to_string(c.padId) + " is outside the vocabulary");
    if (c.architecture == Architecture::XlmRoberta && c.padId + 1 >= c.maxPositions)
        problems.push_back("max_positions must exceed pad_id + 1 for xlm-roberta positions");
    if (!(c.layerNormEps > 0.0 && std::isfinite(c.layerNormEps)))
        problems.push_back("layer_norm_eps must be > 0");
    if (c.hiddenAct != "gelu" && c.hiddenAct != "gelu_new" && c.hiddenAct != "gelu_pytorch_tanh" &&
        c.hiddenAct != "relu")
        problems.push_back("hidden_act '" + c.hiddenAct +
                           "' is not one of gelu, gelu_new, gelu_pytorch_tanh, relu");
    return problems;
}

const char* toString(Architecture architecture) {
    switch (architecture) {
        case Architecture::Transformer:
            return "transformer";
        case Architecture::XlmRoberta:
            return "xlm-roberta";
        case Architecture::Bert:
            return "bert";
    }
    return "?";
}

const char* toString(Pooling pooling) {
    return pooling == Pooling::Cls ? "cls" : "mean";
}

Result<Architecture> parseArchitecture(const std::string& name) {
    if (name == "transformer") return Architecture::Transformer;
    if (name == "xlm-roberta") return Architecture::XlmRoberta;
    if (name == "bert") return Architecture::Bert;
    return Error{"unknown architecture '" + name + "' (transformer, xlm-roberta or bert)"};
}

Result<Pooling> parsePooling(const std::string& name) {
    if (name == "mean") return Pooling::Mean;
    if (name == "cls") return Pooling::Cls;
    return Error{"unknown pooling '" + name + "' (mean or cls)"};
}

nlohmann::json toJson(const EncoderConfig& c) {
    return {{"format_version", EncoderConfig::kFormatVersion},
            {"architecture", toString(c.architecture)},
            {"vocab_size", c.vocabSize},
            {"hidden_size", c.hiddenSize},
            {"layers", c.layers},
            {"heads", c.heads},
            {"intermediate_size", c.intermediateSize},
            {"max_positions", c.maxPositions},
            {"type_vocab_size", c.typeVocabSize},
            {"dropout", c.dropout},
            {"attention_dropout", c.attentionDropout},
            {"pre_layer_norm", c.preLayerNorm},
            {"pooling", toString(c.pooling)},
            {"pad_id", c.padId},
            {"layer_norm_eps", c.layerNormEps},
            {"hidden_act", c.hiddenAct}};
}

namespace {

template <typename Enum>
void readNamed(JsonReader& object, const std::string& key, Enum& target,
               Result<Enum> (*parse)(const std::string&)) {
    std::string name;
    if (!object.text(key, name)) return;
    if (Result<Enum> parsed = parse(name))
        target = parsed.value();
    else
        object.problem(key, parsed.error().message);
}

}  // namespace

void readPooling(JsonReader& object, const std::string& key, Pooling& pooling) {
    readNamed(object, key, pooling, parsePooling);
}

void readEncoderConfig(JsonReader& object, EncoderConfig& c) {
    std::int64_t version = EncoderConfig::kFormatVersion;
    if (object.integer("format_version", version) &&
        (version < 1 || version > EncoderConfig::kFormatVersion))
        object.problem("format_version", "format_version " + std::to_string(version) +
                                             " is not supported (this build reads 1.." +
                                             std::to_string(EncoderConfig::kFormatVersion) + ")");
    readNamed(object, "architecture", c.architecture, parseArchitecture);
    object.integer("vocab_size", c.vocabSize);
    object.integer("hidden_size", c.hiddenSize);
    object.integer("layers", c.layers);
    object.integer("heads", c.heads);
    object.integer("intermediate_size", c.intermediateSize);
    object.integer("max_positions", c.maxPositions);
    object.integer("type_vocab_size", c.typeVocabSize);
    object.number("dropout", c.dropout);
    object.number("attention_dropout", c.attentionDropout);
    object.flag("pre_layer_norm", c.preLayerNorm);
    readPooling(object, "pooling", c.pooling);
    object.integer("pad_id", c.padId);
    object.number("layer_norm_eps", c.layerNormEps);
    object.text("hidden_act", c.hiddenAct);
}

Result<EncoderConfig> encoderConfigFromJson(const JsonValue& json) {
    EncoderConfig config;
    std::vector<JsonProblem> problems;
    JsonReader object = JsonReader::document(json.json(), problems, json.path());
    readEncoderConfig(object, config);
    object.finish();
    if (problems.empty())
        for (const std::string& problem : validate(config)) object.problem("", problem);
    if (!problems.empty()) return Error{describeProblems(json.file(), problems)};
    return config;
}

bool operator==(const EncoderConfig& a, const EncoderConfig& b) {
    const auto fields = [](const EncoderConfig& c) {
        return std::tie(c.architecture, c.vocabSize, c.hiddenSize, c.layers, c.heads,
                        c.intermediateSize, c.maxPositions, c.typeVocabSize, c.dropout,
                        c.attentionDropout, c.preLayerNorm, c.pooling, c.padId, c.layerNormEps,
                        c.hiddenAct);
    };
    return fields(a) == fields(b);
}

bool operator!=(const EncoderConfig& a, const EncoderConfig& b) {
    return !(a == b);
}

}  // namespace mtrec::model
