// A BERT folder's tokenizer files: vocab.txt, tokenizer_config.json and a text to encode (three
// parts), loaded by WordPieceTokenizer::loadFolder.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "text/wordpiece_tokenizer.h"
#include "tokenizer_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto parts = fuzz::splitParts(data, size, 3);
    const auto& dir = fuzz::freshScratchDir();
    fuzz::writeFile(dir, "vocab.txt", parts[0]);
    if (parts.size() > 1) fuzz::writeFile(dir, "tokenizer_config.json", parts[1]);
    auto tokenizer = text::WordPieceTokenizer::loadFolder(dir);
    if (!tokenizer) return 0;
    fuzz::checkTokenizer(tokenizer.value(), parts.size() > 2 ? parts[2] : fuzz::kSampleText);
    return 0;
}
