#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace mtrec::text {

/// How many of a set of texts' tokens are the tokenizer's unknown id.
struct UnknownTokenCount {
    std::size_t tokens = 0;
    std::size_t unknown = 0;

    /// unknown / tokens; 0 when there are no tokens.
    double share() const {
        return tokens == 0 ? 0.0 : static_cast<double>(unknown) / static_cast<double>(tokens);
    }
    UnknownTokenCount& operator+=(const UnknownTokenCount& other) {
        tokens += other.tokens;
        unknown += other.unknown;
        return *this;
    }
};

/// Encodes every text whole (no special tokens, no truncation) and counts its tokens and how many
/// of them are specialTokens().unknown: the share of a language's text the tokenizer cannot spell.
UnknownTokenCount countUnknownTokens(const Tokenizer& tokenizer,
                                     const std::vector<std::string>& texts);

}  // namespace mtrec::text
