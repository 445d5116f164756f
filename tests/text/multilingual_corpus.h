#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mtrec::test {

/// Eleven languages in nine scripts (en, de, es, tr, vi, ru, el, ar, hi, th, zh), as short
/// sentences made from a small word list per language, in NFKC-normal form with single spaces, so
/// SentencePiece's nmt_nfkc normalization leaves them unchanged and decode(encode(s)) == s.
/// Deterministic: the same arguments give the same sentences in the same order on every machine
/// (std::mt19937 raw outputs, no distribution objects).
std::vector<std::string> multilingualCorpus(std::size_t sentencesPerLanguage, uint32_t seed = 7);

/// One sentence per language, the first of each language in multilingualCorpus(n, seed).
std::vector<std::string> oneSentencePerLanguage(uint32_t seed = 7);

}  // namespace mtrec::test
