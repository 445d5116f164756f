#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/language_subset.h"
#include "analysis/run_comparison.h"

namespace mtrec::analysis {

/// The paired sample behind a setting's macro average (the value run lists show as Mo, Cr or Mul):
/// one pair per query (query language and qid) holding the query's values over the setting's cells
/// of one suite, weighted so that each side's sample mean is its macro average over those cells —
/// every cell weighs 1/cells and, within a cell, each of its n paired queries 1/n. When every cell
/// of a query language holds the same queries, a pair is the query's mean over those cells (its
/// mean over candidate languages in Cr) times a constant, so a query counts once however many
/// cells hold it. Only qids present on both sides of a cell take part, and only cells `languages`
/// holds.
struct SettingSample {
    std::vector<double> a;
    std::vector<double> b;
    std::size_t cells = 0;  ///< cells with at least one paired query
};
SettingSample settingSample(const PerQueryByCell& a, const PerQueryByCell& b,
                            const std::string& suite, eval::Setting setting,
                            const LanguageSubset& languages = LanguageSubset::all());

/// The paired randomization test and t-test of a setting's macro average, A against B, on its
/// settingSample (options.permutations and options.seed as for cells). The result's key is the
/// setting summary (suite, setting, all, all), `queries` the pairs, meanA − meanB = diff the
/// difference of the macro averages; the Holm fields hold the raw p (a family of one) for the
/// caller to correct across the tests it reports. nullopt when fewer than 2 pairs.
std::optional<CellComparison> compareSetting(
    const PerQueryByCell& a, const PerQueryByCell& b, const std::string& suite,
    eval::Setting setting, const ComparisonOptions& options,
    const LanguageSubset& languages = LanguageSubset::all());

}  // namespace mtrec::analysis
