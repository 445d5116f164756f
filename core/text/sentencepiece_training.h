#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "text/sentencepiece_tokenizer.h"

namespace mtrec::text {

enum class SentencePieceModelType { Unigram, Bpe };

/// How to train a SentencePiece model. The special ids are fixed: <unk>=0, <s>=1, </s>=2, <pad>=3,
/// so every model the project trains has the same layout.
struct SentencePieceTrainOptions {
    SentencePieceModelType modelType = SentencePieceModelType::Unigram;
    /// Number of pieces including the four special ones (and the 256 byte pieces with byteFallback).
    int vocabSize = 8000;
    /// Share of the corpus's characters (by frequency) the vocabulary must cover, in (0, 1]; rarer
    /// characters become <unk> (or bytes, with byteFallback). 0.9995 suits scripts with many
    /// characters (zh, ja); 1.0 keeps every character of a small corpus.
    double characterCoverage = 0.9995;
    /// When false, vocabSize is an upper bound instead of an error on too small a corpus.
    bool hardVocabLimit = true;
    /// Spell characters outside the vocabulary as UTF-8 byte pieces (<0x00>..<0xFF>, 256 pieces
    /// counted in vocabSize) instead of <unk>, so no text of any script becomes <unk>; decode()
    /// joins the bytes back into the original characters.
    bool byteFallback = true;
    /// SentencePiece's normalization rule: "nmt_nfkc" (default), "nfkc", "nmt_nfkc_cf", "identity".
    std::string normalization = "nmt_nfkc";
    /// Use at most this many sentences, drawn with `seed`; 0 uses all of them.
    std::size_t maxSentences = 0;
    /// Sentences longer than this many bytes are left out of training by SentencePiece.
    int maxSentenceBytes = 4192;
    /// Seeds SentencePiece's random generator (sentence sampling, unigram seeding ties).
    unsigned seed = 42;
    /// Threads SentencePiece's trainer uses. The model is deterministic for a given thread count.
    int numThreads = 1;
    /// Let SentencePiece log its progress to stderr (it logs only warnings otherwise).
    bool verbose = false;
};

/// Checks the options; every problem is named in one Error ("SentencePiece training: ...").
Status validate(const SentencePieceTrainOptions& options);

/// Trains a model on `texts` (UTF-8, one sentence or passage each, all languages together; empty
/// ones are skipped), writes it to `modelFile` (parent folders created, replaced atomically) and
/// returns it loaded. The texts are fed to the trainer in the order given, so the same texts in the
/// same order with the same options give the same model, byte for byte: callers draw them from a
/// seeded, ordered source, never from a hash map's iteration order.
///
/// SentencePiece's trainer keeps process-wide state (random seed, log level); calls are serialised
/// by an internal mutex, so this is safe but not parallel across threads.
Result<SentencePieceTokenizer> trainSentencePiece(const std::vector<std::string>& texts,
                                                  const SentencePieceTrainOptions& options,
                                                  const std::filesystem::path& modelFile);

}  // namespace mtrec::text
