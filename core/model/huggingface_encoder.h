#pragma once

#include <string>

#include "common/result.h"
#include "common/json_value.h"
#include "model/encoder.h"
#include "model/encoder_config.h"

namespace mtrec::model {

/// Reads a Hugging Face `config.json` (model_type "xlm-roberta"/"roberta" or "bert"): vocab_size,
/// hidden_size, num_hidden_layers, num_attention_heads, intermediate_size, max_position_embeddings,
/// type_vocab_size, layer_norm_eps, pad_token_id, hidden_act, hidden_dropout_prob,
/// attention_probs_dropout_prob. The result is post-LN with `pooling`. Errors name the file and the
/// JSON path ("…/config.json: $.hidden_size: expected an integer, found a string").
Result<EncoderConfig> huggingFaceConfig(const JsonValue& json, Pooling pooling);

/// Loads a Hugging Face XLM-R or BERT folder: `config.json` + `model.safetensors`. Parameter names
/// may carry a "roberta."/"bert." prefix; separate query/key/value weights are fused into the
/// encoder's qkv. Unused tensors (pooler, LM head, position_ids buffers) are ignored; a missing or
/// mis-shaped tensor is an error naming the tensor and the file. F32, F16 and BF16 weights are
/// converted to float32. The encoder is returned in eval mode.
Result<Encoder> loadHuggingFaceEncoder(const std::string& folder, Pooling pooling = Pooling::Mean);

}  // namespace mtrec::model
