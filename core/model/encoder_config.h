#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/json_reader.h"
#include "common/json_value.h"
#include "common/result.h"

namespace mtrec::model {

/// Which family an encoder belongs to. All three share the module tree (embeddings, a stack of
/// transformer layers, pooling); they differ in how positions are numbered and in where the
/// LayerNorms sit (config fields below), and in which Hugging Face names map onto them.
enum class Architecture {
    Transformer,  ///< the project's own from-scratch encoder; positions 0..L-1
    XlmRoberta,   ///< HF "xlm-roberta"/"roberta": positions start at padId + 1 and skip pads
    Bert,         ///< HF "bert": positions 0..L-1, token type 0
};

enum class Pooling {
    Mean,  ///< mean of the last hidden states over unmasked tokens
    Cls,   ///< the last hidden state of the first token
};

/// Everything that fixes an encoder's shape and behaviour. Plain data; validate() checks it.
/// Serialised as versioned JSON (snake_case keys, "format_version": kFormatVersion).
struct EncoderConfig {
    static constexpr int kFormatVersion = 1;

    Architecture architecture = Architecture::Transformer;
    int64_t vocabSize = 8000;
    int64_t hiddenSize = 256;
    int64_t layers = 4;
    int64_t heads = 4;  ///< must divide hiddenSize
    int64_t intermediateSize = 1024;
    /// Rows of the position table. Transformer/BERT: the longest input; XLM-R: longest + padId + 1.
    int64_t maxPositions = 128;
    /// Rows of the token-type table; 0 = no token-type embedding (from scratch). BERT has 2,
    /// XLM-R 1; only type 0 is ever used.
    int64_t typeVocabSize = 0;
    double dropout = 0.1;           ///< on embeddings, attention output and feed-forward output
    double attentionDropout = 0.1;  ///< on the attention probabilities
    /// true: x + f(LN(x)) with a final LayerNorm (stable from scratch); false: LN(x + f(x)) as in
    /// BERT/XLM-R. The embedding LayerNorm exists in both.
    bool preLayerNorm = true;
    Pooling pooling = Pooling::Mean;
    int64_t padId = 0;
    double layerNormEps = 1e-12;
    std::string hiddenAct = "gelu";  ///< "gelu" (erf form) or "gelu_new"/"gelu_pytorch_tanh" (tanh)

    int64_t headDim() const { return hiddenSize / heads; }

    /// The defaults of the from-scratch encoder (DESIGN.md §2) for a vocabulary and pad id.
    static EncoderConfig fromScratch(int64_t vocabSize, int64_t padId);
};

bool operator==(const EncoderConfig& a, const EncoderConfig& b);
bool operator!=(const EncoderConfig& a, const EncoderConfig& b);

/// Every problem of a config, one message each (empty when valid): sizes ≤ 0, heads not dividing
/// hiddenSize, dropout outside [0, 1), padId outside the vocabulary, unknown activation.
std::vector<std::string> validate(const EncoderConfig& config);

const char* toString(Architecture architecture);
const char* toString(Pooling pooling);
Result<Architecture> parseArchitecture(const std::string& name);  ///< "transformer", ...
Result<Pooling> parsePooling(const std::string& name);            ///< "mean" or "cls"

nlohmann::json toJson(const EncoderConfig& config);

/// Reads the keys of toJson's format that `object` holds into `config` (an absent key leaves its
/// field unchanged), recording every problem at its JSON path: a wrong type, an unknown
/// architecture or pooling, a newer format_version. Neither validates nor calls finish(), so a
/// caller can read keys of its own from the same object.
void readEncoderConfig(JsonReader& object, EncoderConfig& config);

/// "mean" or "cls" at `key` of `object` into `pooling`; an unknown name is a problem there.
void readPooling(JsonReader& object, const std::string& key, Pooling& pooling);

/// Reads the project's own config JSON (what toJson writes). Missing keys take the defaults above;
/// a wrong type, an unknown name or a newer format_version is an error naming the file and the
/// JSON path; the result is validated.
Result<EncoderConfig> encoderConfigFromJson(const JsonValue& json);

}  // namespace mtrec::model
