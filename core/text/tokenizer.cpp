#include "text/tokenizer.h"

namespace mtrec::text {

std::vector<std::string> Tokenizer::tokenize(std::string_view text) const {
    std::vector<std::string> tokens;
    for (int64_t id : encode(text)) tokens.push_back(token(id));
    return tokens;
}

}  // namespace mtrec::text
