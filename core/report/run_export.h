#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/run_comparison.h"
#include "common/result.h"
#include "report/seen_unseen_table.h"
#include "store/experiment_store.h"

namespace mtrec::report {

/// Trec: TREC run and qrels files. The store keeps no rankings, so those are regenerated from the
/// run's config and model by experiment::exportTrecRuns (experiment/trec_regeneration.h), not by
/// exportRuns.
enum class ExportFormat { Csv, Markdown, Latex, Trec };

/// "csv", "markdown" (or "md"), "latex" (or "tex"), "trec"; any other name is an Error listing the
/// choices.
Result<ExportFormat> exportFormatFromName(const std::string& name);

struct ExportOptions {
    ExportFormat format = ExportFormat::Csv;
    std::string outDir;  ///< created when absent
    /// Metric of summary and matrix tables (CSV exports every metric).
    store::Measure metric = eval::Metric::Map;
    /// The runs' training languages (experiment::trainingLanguagesByRun), for the seen/unseen
    /// columns; a run absent has none ("-").
    TrainingLanguagesByRun trainingLanguages;
};

/// Writes, into outDir, for the runs given: CSV: summary.csv (tidy: one row per run and setting
/// summary, then its value over the seen and unseen languages, and last "contamination"),
/// run-<id>-matrix.csv (every cell and metric with its definition, and last "contamination"); the
/// contamination column holds "contaminated: <shared counts>" for a suite sharing data with the
/// run's training data, else nothing), run-<id>-per-query.csv (when the run has per-query values).
/// Markdown/LaTeX: summary.<md|tex> (with the seen/unseen Cr and Mul columns of
/// appendSeenUnseenColumns) and run-<id>.<md|tex> (per suite: the language-pair matrix and the
/// seen/unseen table). Returns the files written. Errors
/// name the run or file; files written before an error are left in place. Trec is an Error naming
/// experiment::exportTrecRuns, which regenerates the rankings.
Result<std::vector<std::string>> exportRuns(store::ExperimentStore& store,
                                            const std::vector<std::int64_t>& runIds,
                                            const ExportOptions& options);

/// Writes comparison.<csv|md|tex>: one row per compared cell with means, difference and raw and
/// Holm-corrected p-values of both levels — query (randomization, t-test) and seed (Welch's t-test
/// over per-seed means, with each seed's value; empty where a side has one run). Tables mark
/// significant differences and name the tests in their note.
Result<std::vector<std::string>> exportComparison(const analysis::Comparison& comparison,
                                                  const std::string& nameA,
                                                  const std::string& nameB,
                                                  const ExportOptions& options);

/// CSV writers behind exportRuns (RFC 4180 via report::CsvWriter). The summary's last columns,
/// seen_languages (";"-separated), value_seen, value_unseen and value_mixed (Cr only), come from
/// `seenUnseen` (readListedSummaries, parallel to `runs`) and are empty where a run has no split.
Status writeSummaryCsv(const std::string& path, const std::vector<store::RunListing>& runs,
                       store::Measure metric,
                       const std::vector<std::vector<SeenUnseenSummary>>& seenUnseen = {});
Status writeMatrixCsv(const std::string& path, const store::RunRecord& run,
                      const std::vector<store::EvalCell>& cells);
Status writePerQueryCsv(const std::string& path, const store::RunRecord& run,
                        const std::vector<store::PerQueryValue>& values);
Status writeComparisonCsv(const std::string& path, const analysis::Comparison& comparison);

}  // namespace mtrec::report
