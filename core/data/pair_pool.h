#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "data/training_pair.h"

namespace mtrec::data {

/// The (query language, passage language) of a pair; ordered by query then passage language.
struct LanguagePair {
    std::string query;
    std::string passage;

    bool monolingual() const { return query == passage; }
    std::string label() const { return query + "-" + passage; }  ///< "en-de"
    friend bool operator<(const LanguagePair& a, const LanguagePair& b) {
        return a.query != b.query ? a.query < b.query : a.passage < b.passage;
    }
    friend bool operator==(const LanguagePair& a, const LanguagePair& b) {
        return a.query == b.query && a.passage == b.passage;
    }
};

/// Training pairs grouped by language pair: the monolingual pools (X, X) and the cross-lingual
/// pools (X, Y != X). Within a pool, pairs keep the order they were added in (file order), so a
/// pool built twice from the same files is identical and seeded samplers over it repeat exactly.
/// Invariant: within one pool no groupId occurs twice (add() throws std::invalid_argument).
/// Samplers keep pointers to the pairs: they stay valid while the pool lives and nothing is added.
class PairPool {
public:
    void add(TrainingPair pair);
    /// Whether `languages` already holds a pair of `groupId`.
    bool contains(const LanguagePair& languages, const std::string& groupId) const;

    /// The non-empty language pairs, in order; monolingual ones only, or cross-lingual ones only.
    std::vector<LanguagePair> languagePairs() const;
    std::vector<LanguagePair> monolingualPairs() const;
    std::vector<LanguagePair> crossLingualPairs() const;
    /// The pairs of one language pair (empty when there are none).
    const std::vector<TrainingPair>& pairs(const LanguagePair& languages) const;

    std::size_t size() const { return size_; }
    std::size_t monolingualCount() const;
    std::size_t crossLingualCount() const;
    bool empty() const { return size_ == 0; }
    /// Every language that occurs as a query or passage language, sorted.
    std::vector<std::string> languages() const;
    /// Distinct group ids, sorted.
    std::vector<std::string> groupIds() const;

private:
    std::map<LanguagePair, std::vector<TrainingPair>> pools_;
    std::map<LanguagePair, std::set<std::string>> groupsIn_;  // for the duplicate check
    std::size_t size_ = 0;
};

}  // namespace mtrec::data
