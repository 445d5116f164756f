#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/pair_pool.h"

namespace mtrec::data {

/// A pool cut in two by group: no group has pairs on both sides.
struct PairSplit {
    PairPool train;
    PairPool validation;
};

/// Holds out round(fraction * G) groups (at least one when fraction > 0 and G > 0), where the G
/// eligible groups are those with a pair whose query and passage language are both in
/// `languages` (every group when `languages` is empty). The held-out groups are drawn with `seed`
/// from the sorted group ids, so the split depends only on the pool's groups and the seed. Every
/// pair of a held-out group leaves training, in every language, so no parallel version of a
/// validation question is trained on; `validation` keeps the held-out pairs in `languages` only
/// (the paper validates on English: languages = {"en"}). fraction must be in [0, 1) (throws
/// std::invalid_argument otherwise). Pairs keep their pool order on both sides.
PairSplit splitValidation(const PairPool& pool, double fraction,
                          const std::vector<std::string>& languages, std::uint64_t seed);

/// The pairs of at most `maxGroups` groups, drawn with `seed` from the sorted group ids (all of
/// them when there are no more); pool order is kept.
PairPool sampleGroups(const PairPool& pool, std::size_t maxGroups, std::uint64_t seed);

/// Adds every pair of `from` to `into`. When `into` already holds one of the pairs' (group,
/// language pair), nothing is added and the Error names it, with `what` naming `from`.
Status mergePairs(const PairPool& from, PairPool& into, const std::string& what);

}  // namespace mtrec::data
