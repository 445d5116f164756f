#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data/pair_pool.h"

namespace mtrec::data {

/// One question of one language with its passage: a row of a parallel QA set.
struct QaItem {
    std::string id;  ///< shared by the parallel versions of the question in other languages
    std::string query;
    std::string passage;
    std::optional<std::string> hardNegative;
};

/// A language's questions in file order; ids are unique within it.
struct LanguageItems {
    std::string lang;
    std::vector<QaItem> items;
};

/// Which pairs addParallelPairs makes.
struct PairKinds {
    bool monolingual = true;   ///< (q in X, d in X)
    bool crossLingual = true;  ///< (q in X, d in Y != X) for every Y that has the same id
};

/// Joins parallel items by id into `pool`: the monolingual pair of every item, and for every item
/// of language X and every other language Y holding the same id, the cross-lingual pair (X's
/// question, Y's passage and hard negative). Pairs are added language by language (in the order of
/// `languages`), items in file order, so the pools come out the same for the same input. Throws
/// std::invalid_argument when a language occurs twice, an id twice within one language, or a pair
/// is already in the pool (callers check ids first and report them as errors).
void addParallelPairs(const std::vector<LanguageItems>& languages, PairKinds kinds, PairPool& pool);

}  // namespace mtrec::data
