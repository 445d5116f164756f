#include "tokenizer_checks.h"

#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"

namespace mtrec::fuzz {

void checkTokenizer(const text::Tokenizer& tokenizer, std::string_view text) {
    const std::vector<int64_t> ids = tokenizer.encode(text);
    for (const int64_t id : ids) {
        if (id < 0 || id >= tokenizer.vocabSize())
            propertyFailed("encode gave id " + std::to_string(id) + " outside [0, " +
                           std::to_string(tokenizer.vocabSize()) + ")");
        (void)tokenizer.token(id);
    }
    (void)tokenizer.decode(ids);
}

}  // namespace mtrec::fuzz
