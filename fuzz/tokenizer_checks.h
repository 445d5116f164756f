#pragma once

#include <string_view>

#include "text/tokenizer.h"

namespace mtrec::fuzz {

/// What every loaded tokenizer must do with any text: encode it into ids inside
/// [0, vocabSize()), name each id's token, and decode the ids without throwing. A violation stops
/// the fuzzer (propertyFailed); an exception escapes to libFuzzer, which reports it as a crash.
void checkTokenizer(const text::Tokenizer& tokenizer, std::string_view text);

/// Text in several scripts for the targets whose input is only the tokenizer's files.
inline constexpr std::string_view kSampleText =
    "Hello, world! Wer hat's erfunden? Привет мир. 你好，世界。 مرحبا ## [UNK] \xF0\x9F\x98\x80 "
    "\xFF";

}  // namespace mtrec::fuzz
