#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "text/tokenizer.h"

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace mtrec::text {

/// A SentencePiece model (unigram or BPE) used with its own ids: what the from-scratch encoder is
/// trained with. Special tokens are the model's own <s>, </s> and <pad>; a model without a pad
/// piece pads with <unk> (padded positions are masked, so the id only has to be a valid row); its
/// decode() cannot tell such padding from a real <unk> and shows both as " ⁇ ", so decode rows
/// without their padding (EncodedBatch::row).
///
/// Owns its processor; move-only. Immutable after load, so const methods are thread-safe.
class SentencePieceTokenizer final : public Tokenizer {
public:
    /// Loads a `.model` file. A missing, unreadable or corrupt file is an Error naming it.
    static Result<SentencePieceTokenizer> load(const std::filesystem::path& modelFile);

    /// Loads a serialized ModelProto held in memory; `origin` names it in errors.
    static Result<SentencePieceTokenizer> fromSerialized(std::string_view bytes,
                                                         const std::string& origin);

    SentencePieceTokenizer(SentencePieceTokenizer&&) noexcept;
    SentencePieceTokenizer& operator=(SentencePieceTokenizer&&) noexcept;
    ~SentencePieceTokenizer() override;

    std::vector<int64_t> encode(std::string_view text) const override;
    std::string decode(const std::vector<int64_t>& ids) const override;
    std::string token(int64_t id) const override;
    int64_t vocabSize() const override;
    const SpecialTokens& specialTokens() const override { return special_; }

    /// SentencePiece's id of a piece ("<s>", "▁the"), or nullopt when the model has no such piece.
    std::optional<int64_t> pieceId(std::string_view piece) const;

    /// Where the model came from (the file, or the origin given to fromSerialized).
    const std::string& origin() const { return origin_; }

private:
    SentencePieceTokenizer(std::unique_ptr<sentencepiece::SentencePieceProcessor> processor,
                           std::string origin);
    void checkId(int64_t id) const;

    std::unique_ptr<sentencepiece::SentencePieceProcessor> processor_;
    std::string origin_;
    SpecialTokens special_;
};

}  // namespace mtrec::text
