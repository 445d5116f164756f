#pragma once

#include <filesystem>
#include <memory>

#include "common/result.h"
#include "text/tokenizer.h"

namespace mtrec::text {

/// Opens the tokenizer a path holds, whatever its kind:
///   - a SentencePiece `.model` file              → SentencePieceTokenizer (its own ids)
///   - a folder with `sentencepiece.bpe.model`    → XlmRobertaTokenizer (needs `config.json`)
///   - a folder with `vocab.txt`                  → WordPieceTokenizer
/// Anything else is an Error that names the path and what was looked for.
Result<std::unique_ptr<Tokenizer>> loadTokenizer(const std::filesystem::path& path);

}  // namespace mtrec::text
