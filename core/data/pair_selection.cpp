#include "data/pair_selection.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <stdexcept>

namespace mtrec::data {
namespace {

/// Uniform in [0, n) without modulo bias; written out (not std::uniform_int_distribution, whose
/// output the standard leaves to the library) so a split is the same on every platform.
std::uint64_t uniformBelow(std::mt19937_64& engine, std::uint64_t n) {
    const std::uint64_t limit = std::mt19937_64::max() - std::mt19937_64::max() % n;
    std::uint64_t bits = engine();
    while (bits >= limit) bits = engine();
    return bits % n;
}

/// The first `count` ids of a seeded Fisher-Yates shuffle of `ids`.
std::set<std::string> drawGroups(std::vector<std::string> ids, std::size_t count,
                                 std::uint64_t seed) {
    std::mt19937_64 engine(seed);
    for (std::size_t i = ids.size(); i > 1; --i)
        std::swap(ids[i - 1], ids[uniformBelow(engine, i)]);
    ids.resize(std::min(count, ids.size()));
    return {ids.begin(), ids.end()};
}

bool inLanguages(const LanguagePair& pair, const std::vector<std::string>& languages) {
    const auto has = [&](const std::string& code) {
        return languages.empty() ||
               std::find(languages.begin(), languages.end(), code) != languages.end();
    };
    return has(pair.query) && has(pair.passage);
}

}  // namespace

PairSplit splitValidation(const PairPool& pool, double fraction,
                          const std::vector<std::string>& languages, std::uint64_t seed) {
    if (!(fraction >= 0.0 && fraction < 1.0))
        throw std::invalid_argument("splitValidation: fraction must be in [0, 1)");
    std::set<std::string> eligible;
    for (const LanguagePair& pair : pool.languagePairs())
        if (inLanguages(pair, languages))
            for (const TrainingPair& training : pool.pairs(pair)) eligible.insert(training.groupId);
    std::size_t count = static_cast<std::size_t>(std::llround(fraction * eligible.size()));
    if (fraction > 0.0 && !eligible.empty()) count = std::max<std::size_t>(count, 1);
    const std::set<std::string> held = drawGroups({eligible.begin(), eligible.end()}, count, seed);
    PairSplit split;
    for (const LanguagePair& pair : pool.languagePairs())
        for (const TrainingPair& training : pool.pairs(pair)) {
            if (!held.count(training.groupId))
                split.train.add(training);
            else if (inLanguages(pair, languages))
                split.validation.add(training);
        }
    return split;
}

PairPool sampleGroups(const PairPool& pool, std::size_t maxGroups, std::uint64_t seed) {
    const std::set<std::string> kept = drawGroups(pool.groupIds(), maxGroups, seed);
    PairPool result;
    for (const LanguagePair& pair : pool.languagePairs())
        for (const TrainingPair& training : pool.pairs(pair))
            if (kept.count(training.groupId)) result.add(training);
    return result;
}

Status mergePairs(const PairPool& from, PairPool& into, const std::string& what) {
    for (const LanguagePair& languages : from.languagePairs())
        for (const TrainingPair& pair : from.pairs(languages))
            if (into.contains(languages, pair.groupId))
                return Error{what + ": id '" + pair.groupId + "' for " + languages.label() +
                             " is given twice"};
    for (const LanguagePair& languages : from.languagePairs())
        for (const TrainingPair& pair : from.pairs(languages)) into.add(pair);
    return success();
}

}  // namespace mtrec::data
