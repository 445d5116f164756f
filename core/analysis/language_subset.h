#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/eval_cell.h"

namespace mtrec::analysis {

/// Which cells a comparison's summary averages: every cell (the stored setting summaries), or the
/// cells of a set S of languages as report::seenUnseenSummary counts them — Mo (X, X) and Mul
/// (X, all) for X in S, Cr (X, Y) for X and Y both in S — so "seen" and "unseen" summaries of a
/// comparison read like the run's own seen/unseen table.
struct LanguageSubset {
    /// nullopt: every language (the stored summaries are used as they are).
    std::optional<std::set<std::string>> languages;

    bool isAll() const { return !languages.has_value(); }
    /// True for a non-summary cell of the subset; every cell when isAll().
    bool holds(const store::CellKey& key) const;
    /// "all", or the languages joined by ", ".
    std::string describe() const;

    static LanguageSubset all() { return {}; }
    static LanguageSubset of(const std::vector<std::string>& languages) {
        return {std::set<std::string>(languages.begin(), languages.end())};
    }
};

/// The seen and unseen languages of a comparison: the suite languages every run that trained on
/// any language trained on (seen), and those no run trained on (unseen); a language some runs
/// trained on and others not is in neither. Runs with no training languages (untrained, BM25)
/// are left out. Both are empty when no run trained.
struct SeenUnseenLanguages {
    std::vector<std::string> seen;
    std::vector<std::string> unseen;
};
SeenUnseenLanguages seenUnseenLanguages(const std::vector<std::string>& suiteLanguages,
                                        const std::vector<std::vector<std::string>>& trainedOn);

}  // namespace mtrec::analysis
