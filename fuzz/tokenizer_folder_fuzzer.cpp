// The paths loadTokenizer follows in a model folder: sentencepiece.bpe.model, config.json,
// vocab.txt and tokenizer_config.json (four parts; an empty part leaves its file out), then the
// folder's .model file opened as a file path.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "text/tokenizer_loader.h"
#include "tokenizer_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto parts = fuzz::splitParts(data, size, 4);
    const auto& dir = fuzz::freshScratchDir();
    const char* const names[] = {"sentencepiece.bpe.model", "config.json", "vocab.txt",
                                 "tokenizer_config.json"};
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (!parts[i].empty()) fuzz::writeFile(dir, names[i], parts[i]);
    if (auto tokenizer = text::loadTokenizer(dir))
        fuzz::checkTokenizer(*tokenizer.value(), fuzz::kSampleText);
    if (auto tokenizer = text::loadTokenizer(dir / names[0]))
        fuzz::checkTokenizer(*tokenizer.value(), fuzz::kSampleText);
    return 0;
}
