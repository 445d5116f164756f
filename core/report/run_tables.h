#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "analysis/baseline_comparison.h"
#include "analysis/run_comparison.h"
#include "analysis/seed_groups.h"
#include "report/table_format.h"
#include "store/eval_cell.h"
#include "store/language_diagnostics.h"
#include "store/language_grid.h"
#include "store/run_record.h"

namespace mtrec::report {

/// Fixed-point text with `digits` decimals ("0.5123"); NaN as "n/a".
std::string formatValue(double value, int digits = 4);

/// The significance mark of a corrected p-value: "**" below 0.01, "*" below 0.05, "" otherwise.
std::string significanceMark(double p);

/// The text of a setting ("Mo", "Cr", "Mul") and of a measure ("map", "mul_mean_rank", ...).
std::string settingText(eval::Setting setting);
std::string measureText(store::Measure measure);

/// The mark of a value measured on a suite that shares data with the run's training data
/// (store::SuiteContamination); the table's note says which and how much.
inline constexpr const char* kContaminatedMark = "!";

/// One row per run: id, name, strategy, seed, status, then one column per (suite, setting) present,
/// holding that setting's summary of the listings' metric (kContaminatedMark on a contaminated
/// suite's values, named in the note).
Table summaryTable(const std::vector<store::RunListing>& runs, store::Measure metric);

/// summaryTable with a Tags column after Status, and "running (process gone)" as the status of
/// the runs in `gone` (what `mtrec runs list` prints).
Table runListTable(const std::vector<store::RunListing>& runs, store::Measure metric,
                   const std::set<std::int64_t>& gone);

/// Appends a "contaminated" column to a table with one row per listing (summaryTable,
/// runListTable): "<suite>: <shared counts>" for each suite the run shares data with ("; "
/// between suites), empty for a clean run. For CSV, which has no place for marks or a note.
void appendContaminationColumn(Table& table, const std::vector<store::RunListing>& runs);

/// The setting summaries (macro averages) of one suite among a run's cells: Setting, Metric, Value.
Table settingSummaryTable(const std::vector<store::EvalCell>& cells, const std::string& suite);

/// A run's diagnostics of one suite (ResultRepository::languageDiagnostics): a row per query
/// language with its unk share and its tied relevant queries ("tied/queries") in Mo, Cr and Mul;
/// "-" where nothing was recorded (BM25 has no unk share).
Table diagnosticsTable(const std::vector<store::LanguageDiagnostics>& languages,
                       const std::string& suite);

/// A run's language-pair grid as a table: a row per query language, a column per candidate
/// language (Mo on the diagonal, Cr elsewhere) and a last "Mul" column; the grid's definition as
/// the note. A suite the run shares data with says so in the caption ("[contaminated: ...]") and
/// the note (the whole finding).
Table matrixTable(const store::RunRecord& run, const store::LanguageGrid& grid);

/// The seed-level mark of a comparison: "†" for Holm-corrected Welch p < 0.05, "††" below 0.01,
/// "" otherwise or untested.
std::string seedMark(const analysis::SeedLevel& seeds);

/// "0.5500 (0.5250, 0.5750)": the mean, then each seed's value where there are 2 or more.
std::string withPerSeedValues(double mean, const std::vector<double>& perSeed);

/// One row per compared cell: A and B (with each seed's value for seed groups), Δ (marked "*"/"**"
/// by the Holm-corrected randomization p over queries, "†"/"††" by the Holm-corrected Welch p over
/// seeds), the corrected p of both query-level tests and of the seed-level test (n/a where a side
/// has one run); the note names the tests and when each is valid.
Table comparisonTable(const analysis::Comparison& comparison, const std::string& nameA,
                      const std::string& nameB);

/// Mean ± sample std per (setting summary, metric) of a seed group, and each seed's value.
Table seedGroupTable(const std::string& name,
                     const std::vector<analysis::CellAggregate>& aggregates);

/// "<name> (#<id>)" for one run, "<name> (<n> seeds)" for a seed group (named by its first run).
std::string sideLabel(const analysis::ComparedSide& side);

/// "3 of 12 cells differ significantly over queries (randomization test, Holm-corrected p <
/// 0.05)", then "; 1 of 12 over seeds (Welch's t-test on 3 vs 3 per-seed means, Holm-corrected p <
/// 0.05)" or "; over seeds: not tested (needs at least 2 seeds per side)", then "; 2 cells not
/// comparable" when some were skipped.
std::string significanceLine(const analysis::SignificanceSummary& summary);

/// The distinct suites of `cells`, sorted.
std::vector<std::string> suitesOf(const std::vector<store::EvalCell>& cells);

}  // namespace mtrec::report
