#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "data/pair_pool.h"
#include "data/parallel_pairs.h"

namespace mtrec::data {

/// Reads training items from JSONL files: one object a line, {"id", "lang", "query", "passage"}
/// and optionally "hard_negative" (all non-empty strings; no other keys, so a misspelt key is
/// caught). Lines with the same id in different languages are parallel versions of one item.
/// Blank lines are skipped. Returns one LanguageItems per language, sorted by code, items in file
/// order (files in the order given). Errors name file:line (and the JSON path): malformed JSON, a
/// missing or empty field, an unknown key, and an (id, lang) seen before (naming where).
Result<std::vector<LanguageItems>> readJsonlItems(const std::vector<std::string>& files);

/// readJsonlItems joined into mono and cross pairs (see addParallelPairs).
Result<PairPool> buildJsonlPairs(const std::vector<std::string>& files, PairKinds kinds);

}  // namespace mtrec::data
