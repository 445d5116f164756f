#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "text/sentencepiece_tokenizer.h"
#include "text/tokenizer.h"

namespace mtrec::text {

/// XLM-RoBERTa's ids on top of its SentencePiece model, as fairseq and Hugging Face number them:
/// <s>=0, <pad>=1, </s>=2, <unk>=3, SentencePiece id k ≥ 3 → k + 1 (the fairseq offset), and
/// <mask> = the last id (SentencePiece's piece count + 1). SentencePiece's own <unk>=0, <s>=1 and
/// </s>=2 map to 3, 0 and 2. Owns its SentencePiece model; immutable, so thread-safe.
class XlmRobertaTokenizer final : public Tokenizer {
public:
    static constexpr int64_t kBegin = 0;
    static constexpr int64_t kPad = 1;
    static constexpr int64_t kEnd = 2;
    static constexpr int64_t kUnknown = 3;

    /// Loads a Hugging Face XLM-R folder: `sentencepiece.bpe.model` and `config.json`, whose
    /// `vocab_size` (the embedding rows) must hold every id, <mask> included. Errors name the file.
    static Result<XlmRobertaTokenizer> loadFolder(const std::filesystem::path& folder);

    /// Wraps a SentencePiece model laid out like XLM-R's (<unk>=0, <s>=1, </s>=2).
    static Result<XlmRobertaTokenizer> fromSentencePiece(SentencePieceTokenizer pieces);

    /// The XLM-R id of SentencePiece id `pieceId` (≥ 0).
    static int64_t fromPieceId(int64_t pieceId);
    /// The SentencePiece id of XLM-R id `id`, or nullopt for <pad> and <mask>, which it lacks.
    std::optional<int64_t> toPieceId(int64_t id) const;

    std::vector<int64_t> encode(std::string_view text) const override;
    std::string decode(const std::vector<int64_t>& ids) const override;
    std::string token(int64_t id) const override;
    int64_t vocabSize() const override { return pieces_.vocabSize() + 2; }
    const SpecialTokens& specialTokens() const override { return special_; }

    int64_t maskId() const { return pieces_.vocabSize() + 1; }
    const SentencePieceTokenizer& pieces() const { return pieces_; }

private:
    explicit XlmRobertaTokenizer(SentencePieceTokenizer pieces);
    void checkId(int64_t id) const;

    SentencePieceTokenizer pieces_;
    SpecialTokens special_;
};

}  // namespace mtrec::text
