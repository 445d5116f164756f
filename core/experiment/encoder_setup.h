#pragma once

#include <filesystem>
#include <vector>

#include "common/result.h"
#include "experiment/training_config.h"
#include "model/encoder.h"

namespace mtrec::text {
class Tokenizer;
}

namespace mtrec::experiment {

/// The encoder a training config asks for, from its "model" section (TrainingConfig::model):
///   {"hf_folder": DIR [, "pooling": "mean"|"cls"]}   a Hugging Face XLM-R or BERT folder
///                                                    (config.json + model.safetensors);
///   otherwise the keys of model::EncoderConfig's JSON: architecture ("transformer", the default),
///   hidden_size, layers, heads, intermediate_size, max_positions, type_vocab_size, dropout,
///   attention_dropout, pre_layer_norm, pooling, layer_norm_eps, hidden_act (defaults:
///   EncoderConfig's). vocab_size and pad_id come from the tokenizer (when given they must equal
///   its); max_positions defaults to the tokenizer's max_length (+ pad_id + 1 for xlm-roberta).
///
/// Every problem of the section that needs no tokenizer file: unknown keys, wrong types, sizes out
/// of range, a vocab_size that differs from the tokenizer's "train" size, max_positions below
/// max_length. Paths are at $.model...
std::vector<ConfigProblem> checkModelSection(const TrainingConfig& config);

/// The encoder for `config` with `tokenizer`: a from-scratch one initialised for config.seed, or
/// the Hugging Face folder's (resolved against `baseDir`), in training mode. Errors name the config
/// key or the file.
Result<model::Encoder> buildEncoder(const TrainingConfig& config, const text::Tokenizer& tokenizer,
                                    const std::filesystem::path& baseDir);

}  // namespace mtrec::experiment
