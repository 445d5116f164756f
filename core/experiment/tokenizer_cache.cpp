#include "experiment/tokenizer_cache.h"

#include <system_error>

#include "common/sha256.h"

namespace mtrec::experiment {

namespace fs = std::filesystem;

std::string tokenizerHash(const std::vector<std::string>& texts,
                          const text::SentencePieceTrainOptions& options) {
    Sha256 hash;
    // The layout of this message: bump the tag when it changes, so old cache entries are not hit.
    hash.updateField("mtrec-sentencepiece-cache-1")
        .updateField(options.modelType == text::SentencePieceModelType::Bpe ? "bpe" : "unigram")
        .updateField(std::to_string(options.vocabSize))
        .updateField(std::to_string(options.characterCoverage))
        .updateField(options.hardVocabLimit ? "hard" : "soft")
        .updateField(options.byteFallback ? "bytes" : "unk")
        .updateField(options.normalization)
        .updateField(std::to_string(options.maxSentences))
        .updateField(std::to_string(options.maxSentenceBytes))
        .updateField(std::to_string(options.seed))
        .updateField(std::to_string(options.numThreads))
        .updateField(std::to_string(texts.size()));
    for (const std::string& text : texts)
        hash.updateField(std::to_string(text.size())).update(text);
    return hash.hexDigest();
}

Result<SharedTokenizer> sharedTokenizer(const std::vector<std::string>& texts,
                                        const text::SentencePieceTrainOptions& options,
                                        const fs::path& cacheRoot) {
    const std::string hash = tokenizerHash(texts, options);
    const fs::path file = cacheRoot / hash / "tokenizer.model";
    std::error_code ec;
    const bool cached = fs::is_regular_file(file, ec);
    Result<text::SentencePieceTokenizer> tokenizer =
        cached ? text::SentencePieceTokenizer::load(file)
               : text::trainSentencePiece(texts, options, file);
    if (!tokenizer) return tokenizer.error();
    return SharedTokenizer{std::move(tokenizer).value(), hash, file, cached};
}

}  // namespace mtrec::experiment
