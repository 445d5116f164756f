#include "text/sentencepiece_training.h"

#include <fstream>
#include <mutex>
#include <system_error>
#include <unordered_map>

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

namespace mtrec::text {

namespace {

constexpr int kSpecialPieces = 4;  // <unk>, <s>, </s>, <pad>
constexpr int kBytePieces = 256;   // <0x00> .. <0xFF> with byte_fallback

/// Feeds the non-empty texts of a vector to SentencePiece's trainer, in order. Borrows the vector.
class VectorSentenceIterator final : public sentencepiece::SentenceIterator {
public:
    explicit VectorSentenceIterator(const std::vector<std::string>& texts) : texts_(texts) {
        skipEmpty();
    }
    bool done() const override { return index_ >= texts_.size(); }
    void Next() override {
        ++index_;
        skipEmpty();
    }
    const std::string& value() const override { return texts_[index_]; }
    sentencepiece::util::Status status() const override { return {}; }

private:
    void skipEmpty() {
        while (index_ < texts_.size() && texts_[index_].empty()) ++index_;
    }

    const std::vector<std::string>& texts_;
    std::size_t index_ = 0;
};

std::unordered_map<std::string, std::string> trainerArguments(
    const SentencePieceTrainOptions& options) {
    const auto flag = [](bool value) { return std::string(value ? "true" : "false"); };
    std::unordered_map<std::string, std::string> args{
        {"model_type", options.modelType == SentencePieceModelType::Bpe ? "bpe" : "unigram"},
        {"vocab_size", std::to_string(options.vocabSize)},
        {"character_coverage", std::to_string(options.characterCoverage)},
        {"hard_vocab_limit", flag(options.hardVocabLimit)},
        {"byte_fallback", flag(options.byteFallback)},
        {"normalization_rule_name", options.normalization},
        {"max_sentence_length", std::to_string(options.maxSentenceBytes)},
        {"num_threads", std::to_string(options.numThreads)},
        {"unk_id", "0"},
        {"bos_id", "1"},
        {"eos_id", "2"},
        {"pad_id", "3"},
        {"minloglevel", options.verbose ? "0" : "1"},
    };
    if (options.maxSentences > 0) {
        args["input_sentence_size"] = std::to_string(options.maxSentences);
        args["shuffle_input_sentence"] = "true";
    }
    return args;
}

/// Writes `bytes` next to `target` and renames it into place, so a reader never sees half a model.
Status writeAtomically(const std::filesystem::path& target, const std::string& bytes) {
    std::error_code ec;
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) return Error{target.string() + ": cannot create its folder (" + ec.message() + ")"};
    std::filesystem::path partial = target;
    partial += ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) return Error{partial.string() + ": cannot write SentencePiece model"};
    }
    std::filesystem::rename(partial, target, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return Error{target.string() + ": cannot write SentencePiece model"};
    }
    return success();
}

}  // namespace

Status validate(const SentencePieceTrainOptions& options) {
    std::string problems;
    const auto add = [&problems](const std::string& problem) {
        problems += (problems.empty() ? "" : "; ") + problem;
    };
    const int reserved = kSpecialPieces + (options.byteFallback ? kBytePieces : 0);
    if (options.vocabSize <= reserved)
        add("vocab size " + std::to_string(options.vocabSize) + " must be at least " +
            std::to_string(reserved + 1) +
            (options.byteFallback ? " (4 special pieces + 256 byte pieces of byte_fallback + 1)"
                                  : " (4 special pieces + 1)"));
    if (!(options.characterCoverage > 0.0 && options.characterCoverage <= 1.0))
        add("character coverage " + std::to_string(options.characterCoverage) +
            " must lie in (0, 1]");
    if (options.maxSentenceBytes < 1) add("max sentence length must be positive");
    if (options.numThreads < 1) add("thread count must be positive");
    if (options.normalization.empty()) add("normalization rule must not be empty");
    if (problems.empty()) return success();
    return Error{"SentencePiece training: " + problems};
}

Result<SentencePieceTokenizer> trainSentencePiece(const std::vector<std::string>& texts,
                                                  const SentencePieceTrainOptions& options,
                                                  const std::filesystem::path& modelFile) {
    if (Status valid = validate(options); !valid) return valid.error();
    bool anyText = false;
    for (const std::string& text : texts) anyText = anyText || !text.empty();
    if (!anyText) return Error{"SentencePiece training for " + modelFile.string() + ": no texts"};

    std::string serialized;
    {
        static std::mutex trainerMutex;
        const std::lock_guard<std::mutex> lock(trainerMutex);
        sentencepiece::SetRandomGeneratorSeed(options.seed);
        VectorSentenceIterator sentences(texts);
        const auto status = sentencepiece::SentencePieceTrainer::Train(trainerArguments(options),
                                                                       &sentences, &serialized);
        if (!status.ok())
            return Error{"SentencePiece training for " + modelFile.string() +
                         " failed: " + status.message()};
    }
    if (Status written = writeAtomically(modelFile, serialized); !written) return written.error();
    return SentencePieceTokenizer::fromSerialized(serialized, modelFile.string());
}

}  // namespace mtrec::text
