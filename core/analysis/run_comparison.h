#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/seed_level_test.h"
#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "store/eval_cell.h"
#include "store/result_repository.h"

namespace mtrec::analysis {

struct ComparisonOptions {
    std::string suite;  ///< empty = every suite with per-query values
    /// Per-query metric to test (AP is the per-query map).
    store::Measure metric = eval::Metric::Map;
    std::size_t permutations = 10000;
    std::uint64_t seed = 42;  ///< of the randomization test, so p-values are reproducible
    /// Also test (setting, all, all) cells if they hold per-query values.
    bool includeSummaries = false;
    /// Threads the cells' tests run on (0 = one per core); the result is the same for any count.
    /// On several threads the job reports progress only as the calling thread finishes cells.
    int threads = 0;
};

/// One cell's comparison of group A against group B at two levels. Query level: each side's
/// per-query value is the mean over its runs; queries are paired by qid (only qids present in every
/// run of both groups) and tested with the paired randomization test and t-test — valid for new
/// queries on these trained models. Seed level (`seeds`): each run's mean over those queries, one
/// value per seed, and Welch's t-test of A's against B's — valid for retraining; untested unless
/// both sides have 2 or more runs.
struct CellComparison {
    store::CellKey key;
    store::Measure metric = eval::Metric::Map;
    std::size_t queries = 0;
    double meanA = 0.0;
    double meanB = 0.0;
    double diff = 0.0;                ///< meanA - meanB
    double pRandomization = 1.0;      ///< two-sided, uncorrected
    double pTTest = 1.0;              ///< two-sided, uncorrected
    double pRandomizationHolm = 1.0;  ///< Holm–Bonferroni over the cells of this comparison
    double pTTestHolm = 1.0;
    SeedLevel seeds;  ///< per-run values and Welch's t-test over them; Holm over the same family
};

struct Comparison {
    std::vector<std::int64_t> groupA;
    std::vector<std::int64_t> groupB;
    store::Measure metric = eval::Metric::Map;
    std::vector<CellComparison> cells;  ///< cells with >= 2 paired queries, in key order
    /// Cells present on one side only or with < 2 paired queries.
    std::vector<store::CellKey> skipped;
};

/// Per-query values of one run (or one group mean) by cell.
using PerQueryByCell = std::map<store::CellKey, std::vector<store::QueryValue>>;

/// Averages runs' per-query values per qid, keeping only qids present in every run.
PerQueryByCell meanOverRuns(const std::vector<PerQueryByCell>& runs);

/// The paired t-test and randomization test of one cell's paired values (valuesA[i] with
/// valuesB[i]; at least 2), uncorrected: the Holm fields are left at 1 for the caller.
CellComparison comparePaired(const store::CellKey& key, const std::vector<double>& valuesA,
                             const std::vector<double>& valuesB, const ComparisonOptions& options);

/// Sets the Holm fields of every test in `family` from its raw randomization, t-test and seed-level
/// p: Holm–Bonferroni across the family, for each test separately (the seed level across the
/// members whose seed level is tested).
void holmCorrect(const std::vector<CellComparison*>& family);

/// Compares two per-query tables cell by cell (pure; no database).
Comparison compareCells(const PerQueryByCell& a, const PerQueryByCell& b,
                        const ComparisonOptions& options);

/// compareCells as a job: one Comparing report per cell tested (done/total cells), on the calling
/// thread; `cancel` is read before each cell (10,000 permutations of a cell's queries take about
/// 5 ms here), and a cancelled comparison is the Error "cancelled".
Result<Comparison> compareCells(const PerQueryByCell& a, const PerQueryByCell& b,
                                const ComparisonOptions& options, const ProgressSink& progress,
                                const CancelToken& cancel);

/// A compared side's per-query values: each run's table and their mean over runs.
struct SideTables {
    std::vector<PerQueryByCell> runs;  ///< one per run, in the side's run order
    PerQueryByCell mean;               ///< meanOverRuns(runs)
};
SideTables sideTablesOf(std::vector<PerQueryByCell> runs);

/// Sets `seeds` of every cell of `comparison`: each run's mean over the cell's qids held by every
/// run of both sides (the queries the query level pairs), then Welch's t-test where both sides have
/// 2 or more runs. Holm is left to the caller (holmCorrect).
void addSeedLevel(Comparison& comparison, const std::vector<PerQueryByCell>& runsA,
                  const std::vector<PerQueryByCell>& runsB);

/// Compares two sides at both levels: compareCells on their means, then addSeedLevel, then Holm
/// over the compared cells for each test. Reports and cancel as compareCells.
Result<Comparison> compareGroups(const SideTables& a, const SideTables& b,
                                 const ComparisonOptions& options, const ProgressSink& progress,
                                 const CancelToken& cancel);

/// Each run's per-query values of `metric` (of `suite`, or every suite when empty), by cell; a run
/// without any gives an empty table. An Error when a read fails.
Result<std::vector<PerQueryByCell>> loadPerQuery(store::ResultRepository& results,
                                                 const std::vector<std::int64_t>& runIds,
                                                 const std::string& suite, store::Measure metric);

/// Loads per-query values of the runs in `groupA` and `groupB` (one run each for a plain A/B) and
/// compares them at both levels (compareGroups; the seed level needs 2 or more runs a side): the
/// comparison job (reports and cancel as the job form of compareCells). An Error
/// when a group is empty, a run is absent, a run has no per-query values, or it was cancelled.
Result<Comparison> compareRuns(store::ResultRepository& results,
                               const std::vector<std::int64_t>& groupA,
                               const std::vector<std::int64_t>& groupB,
                               const ComparisonOptions& options, const ProgressSink& progress = {},
                               const CancelToken& cancel = {});

/// How many compared cells differ significantly at each level: Holm-corrected randomization p <
/// alpha over queries; Holm-corrected Welch p < alpha over seeds, among the cells tested there.
struct SignificanceSummary {
    std::size_t significant = 0;
    std::size_t compared = 0;  ///< comparison.cells
    std::size_t skipped = 0;   ///< comparison.skipped (not comparable)
    double alpha = 0.05;
    std::size_t seedSignificant = 0;
    std::size_t seedTested = 0;  ///< cells whose sides both have 2 or more runs
    std::size_t seedsA = 0;      ///< runs of group A (and B): what the seed level rests on
    std::size_t seedsB = 0;
};
SignificanceSummary summarizeSignificance(const Comparison& comparison, double alpha = 0.05);

}  // namespace mtrec::analysis
