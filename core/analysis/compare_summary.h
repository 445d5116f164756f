#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/language_subset.h"
#include "analysis/run_comparison.h"
#include "analysis/seed_groups.h"
#include "common/result.h"
#include "store/result_repository.h"

namespace mtrec::analysis {

/// One column of a comparison's summary: a stored setting summary (setting, all, all) of a measure.
struct SummaryColumn {
    eval::Setting setting;
    store::Measure metric;
};

/// Mo, Cr and Mul mAP (macro averages over each setting's cells), then the mean rank distance.
inline constexpr std::array<SummaryColumn, 4> kSummaryColumns = {
    SummaryColumn{eval::Setting::Mo, eval::Metric::Map},
    SummaryColumn{eval::Setting::Cr, eval::Metric::Map},
    SummaryColumn{eval::Setting::Mul, eval::Metric::Map},
    SummaryColumn{eval::Setting::Mul, store::BiasMeasure::RankDistance}};

/// A compared side's per-query values of one suite: AP of each run and averaged over its runs per
/// qid (meanOverRuns) for the delta heatmap and the mAP columns, the averaged rank distance for the
/// bias column. A table is empty where a run stored none.
struct SidePerQuery {
    std::vector<std::int64_t> runIds;
    SideTables averagePrecision;
    PerQueryByCell rankDistance;

    const PerQueryByCell& of(store::Measure metric) const {
        return metric == store::Measure(eval::Metric::Map) ? averagePrecision.mean : rankDistance;
    }
};

/// Reads a side's per-query values of `suite`. An Error when a read fails.
Result<SidePerQuery> loadSidePerQuery(store::ResultRepository& results,
                                      const std::vector<std::int64_t>& runIds,
                                      const std::string& suite);

/// One side's value in one column: the mean and sample std (NaN below 2 runs) over its runs of the
/// stored summary cell, and the side's test against the reference side (A = this side, B = the
/// reference, so diff = this − reference), Holm-corrected across every test of the summary. The
/// test's seed level compares the runs' stored values (perRun) by Welch's t-test.
struct SummaryEntry {
    MeanStd value{NAN, NAN};
    std::size_t runs = 0;                       ///< runs holding the stored value
    std::vector<double> perRun;                 ///< parallel to the side's runIds; NaN where absent
    std::optional<CellComparison> vsReference;  ///< none for the reference or when untestable
};

struct SideSummary {
    std::vector<std::int64_t> runIds;
    std::array<SummaryEntry, kSummaryColumns.size()> entries;
};

/// The summary of sides compared with the first: every later side tested against sides[0] in
/// every column with per-query values (compareSetting: paired randomization test and t-test on
/// the setting's per-query sample; seed level: Welch's t-test on the runs' stored values),
/// Holm–Bonferroni across all those tests together, for each test separately.
struct CompareSummary {
    std::string suite;
    /// The cells every column averages: all (the stored summaries) or a subset's (seen, unseen).
    LanguageSubset languages;
    std::vector<SideSummary> sides;  ///< sides[0] is the reference
    double alpha = 0.05;
    std::size_t tests = 0;  ///< the size of the Holm family

    /// Query level: Holm-corrected randomization p < alpha.
    bool significant(const SummaryEntry& entry) const {
        return entry.vsReference && entry.vsReference->pRandomizationHolm < alpha;
    }
    /// Seed level: Holm-corrected Welch p < alpha (false where untested).
    bool seedSignificant(const SummaryEntry& entry) const {
        return entry.vsReference && entry.vsReference->seeds.tested() &&
               entry.vsReference->seeds.pHolm < alpha;
    }
};

/// Each column's stored value over a side's runs, from their matrices (of `suite`); a run without
/// the cell is left out of that column. For a subset of languages, a run's value is the mean of its
/// stored cells of the column's setting and measure that the subset holds (the macro average the
/// stored summary is, over those cells only).
std::array<SummaryEntry, kSummaryColumns.size()> storedSummary(
    const std::vector<std::vector<store::EvalCell>>& matrices, const std::string& suite,
    const LanguageSubset& languages = LanguageSubset::all());

/// Fills vsReference of every side after the first, column by column over summary.languages (its
/// seed level from the entries' perRun values), and Holm-corrects the randomization, t-test and
/// seed-level p-values across all of them; `perQuery` is parallel to summary.sides.
void testAgainstReference(CompareSummary& summary, const std::vector<SidePerQuery>& perQuery,
                          const ComparisonOptions& options);

/// storedSummary of every side over `languages`, read from the store, then testAgainstReference.
/// An Error when `sides` is empty or a read fails.
Result<CompareSummary> summarizeSides(store::ResultRepository& results,
                                      const std::vector<SidePerQuery>& sides,
                                      const std::string& suite,
                                      const ComparisonOptions& options = {},
                                      const LanguageSubset& languages = LanguageSubset::all());

}  // namespace mtrec::analysis
