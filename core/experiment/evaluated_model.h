#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "text/batch_encoder.h"
#include "text/tokenizer.h"

namespace mtrec::model {
class EncoderImpl;
}

namespace mtrec::experiment {

class RunFolder;
struct TrainingConfig;

/// An encoder ready to embed: its tokenizer, the batch encoder over that tokenizer, and the
/// weights. The batch encoder borrows the tokenizer: keep the struct whole (moving it is fine).
struct EvaluatedModel {
    std::unique_ptr<text::Tokenizer> tokenizer;
    std::unique_ptr<text::BatchEncoder> batchEncoder;
    std::shared_ptr<model::EncoderImpl> encoder;
    std::string folder;  ///< the weights loaded
};

/// What to evaluate, when no training config says it.
struct ModelSource {
    /// One of: a Hugging Face model folder (config.json + model.safetensors); a checkpoint folder
    /// (encoder.json + encoder.pt: a step-N or best folder of a run); a run's checkpoints folder or
    /// output folder (RunFolder; its evaluated weights: best when it validated, else the latest).
    std::string folder;
    /// A tokenizer text::loadTokenizer opens (a SentencePiece .model file, or a folder with
    /// sentencepiece.bpe.model or vocab.txt). Empty: the Hugging Face folder itself, or the run's
    /// tokenizer.model.
    std::string tokenizer;
    /// Max length (it must fit the model's positions) and prefixes.
    text::BatchEncodingOptions encoding;
};

/// Loads the model a source names. Errors name the folder or file at fault (a folder that is none
/// of the kinds above, a run without a trained tokenizer and no `tokenizer` given, an unreadable
/// file).
Result<EvaluatedModel> loadEvaluatedModel(const ModelSource& source);

/// The model a training run evaluates: the run's evaluated weights (RunFolder::evaluatedWeights),
/// its tokenizer (tokenizer.model in the run folder when the config trains one, else the config's
/// tokenizer path) and the config's encoding options.
Result<EvaluatedModel> loadEvaluatedModel(const RunFolder& run, const TrainingConfig& config);

}  // namespace mtrec::experiment
