// A serialized SentencePiece model (ModelProto) and a text to encode (two parts), loaded by
// SentencePieceTokenizer::fromSerialized and, when laid out like XLM-R's, wrapped with XLM-R's
// ids.
#include <cstddef>
#include <cstdint>
#include <utility>

#include "fuzz_support.h"
#include "text/sentencepiece_tokenizer.h"
#include "text/xlmr_tokenizer.h"
#include "tokenizer_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto parts = fuzz::splitParts(data, size, 2);
    const auto text = parts.size() > 1 ? parts[1] : fuzz::kSampleText;
    auto pieces = text::SentencePieceTokenizer::fromSerialized(parts[0], "fuzz input");
    if (!pieces) return 0;
    fuzz::checkTokenizer(pieces.value(), text);
    auto xlmr = text::XlmRobertaTokenizer::fromSentencePiece(std::move(pieces).value());
    if (xlmr) fuzz::checkTokenizer(xlmr.value(), text);
    return 0;
}
