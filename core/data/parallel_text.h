#pragma once

#include <string>

#include "common/result.h"
#include "data/pair_pool.h"

namespace mtrec::data {

/// Two plain-text files parallel line by line: line i of `queryFile` translates line i of
/// `passageFile` (e.g. Tatoeba's tatoeba.deu-eng.deu and tatoeba.deu-eng.eng).
struct ParallelTextFiles {
    std::string queryFile;
    std::string passageFile;
    std::string queryLang;    ///< empty: the query file's extension ("deu")
    std::string passageLang;  ///< empty: the passage file's extension ("eng")
};

/// The translation-ranking pairs of two parallel files: line i gives the pair (query line i,
/// passage line i) with group id "<query file name without extension>:<i>" (e.g.
/// "tatoeba.deu-eng:17"), so the same sentence pair read in either direction is one group. Lines
/// keep their text as is (a trailing '\r' is dropped). Errors name file:line: invalid UTF-8, an
/// empty line; and both files when their line counts differ or a language cannot be derived.
Result<PairPool> readParallelText(const ParallelTextFiles& files);

}  // namespace mtrec::data
