#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "text/bert_basic_tokenizer.h"
#include "text/tokenizer.h"

namespace mtrec::text {

/// BERT-family tokenization (BERT, mBERT, LaBSE): BertBasicTokenizer, then greedy
/// longest-match-first WordPiece over each word, continuation pieces spelled "##piece". A word
/// longer than kMaxWordChars code points, or one the vocabulary cannot spell, becomes one [UNK].
/// Special ids are [CLS] (begin), [SEP] (end), [PAD] and [UNK] from the vocabulary; [MASK] is used
/// when present. Immutable, so thread-safe.
class WordPieceTokenizer final : public Tokenizer {
public:
    static constexpr std::size_t kMaxWordChars = 100;

    /// Loads a Hugging Face BERT folder: `vocab.txt`, and `tokenizer_config.json` when present for
    /// `do_lower_case`, `strip_accents` and `tokenize_chinese_chars` (BERT's defaults otherwise:
    /// lowercase, strip accents, split CJK). Errors name the file (and line) at fault.
    static Result<WordPieceTokenizer> loadFolder(const std::filesystem::path& folder);

    /// Loads `vocab.txt`: one token per line, id = line number from 0 (a token listed twice keeps
    /// its last line, as in BERT). [UNK], [CLS], [SEP] and [PAD] must be present.
    static Result<WordPieceTokenizer> loadVocab(const std::filesystem::path& vocabFile,
                                                BertBasicOptions options);

    /// A tokenizer over tokens given in id order; `origin` names them in errors.
    static Result<WordPieceTokenizer> fromTokens(std::vector<std::string> tokens,
                                                 BertBasicOptions options,
                                                 const std::string& origin);

    std::vector<int64_t> encode(std::string_view text) const override;
    /// Joins tokens with spaces and glues "##" pieces to the one before ("un ##aff" → "unaff").
    std::string decode(const std::vector<int64_t>& ids) const override;
    std::string token(int64_t id) const override;
    int64_t vocabSize() const override { return static_cast<int64_t>(tokens_.size()); }
    const SpecialTokens& specialTokens() const override { return special_; }

    /// WordPiece ids of one word that basic tokenization produced (appended to `ids`).
    void encodeWord(const std::string& word, std::vector<int64_t>& ids) const;
    std::optional<int64_t> tokenId(std::string_view token) const;
    const BertBasicTokenizer& basic() const { return basic_; }

private:
    WordPieceTokenizer(std::vector<std::string> tokens,
                       std::unordered_map<std::string, int64_t> ids, SpecialTokens special,
                       BertBasicTokenizer basic);
    void checkId(int64_t id) const;
    bool isSpecial(int64_t id) const;

    std::vector<std::string> tokens_;
    std::unordered_map<std::string, int64_t> ids_;
    SpecialTokens special_;
    std::optional<int64_t> mask_;
    BertBasicTokenizer basic_;
};

}  // namespace mtrec::text
