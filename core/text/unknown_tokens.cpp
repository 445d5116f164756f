#include "text/unknown_tokens.h"

#include <algorithm>

namespace mtrec::text {

UnknownTokenCount countUnknownTokens(const Tokenizer& tokenizer,
                                     const std::vector<std::string>& texts) {
    const int64_t unknown = tokenizer.specialTokens().unknown;
    UnknownTokenCount count;
    for (const std::string& text : texts) {
        const std::vector<int64_t> ids = tokenizer.encode(text);
        count.tokens += ids.size();
        count.unknown += static_cast<std::size_t>(std::count(ids.begin(), ids.end(), unknown));
    }
    return count;
}

}  // namespace mtrec::text
