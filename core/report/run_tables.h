#pragma once

#include <string>
#include <vector>

#include "store/eval_cell.h"
#include "analysis/run_comparison.h"
#include "store/run_record.h"
#include "analysis/seed_groups.h"
#include "report/table_format.h"

namespace mtrec::report {

/// Fixed-point text with `digits` decimals ("0.5123"); NaN as "n/a".
std::string formatValue(double value, int digits = 4);

/// The significance mark of a corrected p-value: "**" below 0.01, "*" below 0.05, "" otherwise.
std::string significanceMark(double p);

/// One row per run: id, name, strategy, seed, status, then one column per (suite, setting) present,
/// holding that setting's summary of the listings' metric.
Table summaryTable(const std::vector<store::RunListing>& runs, const std::string& metric);

/// The language-pair matrix of one suite and metric: a row per query language, a column per
/// candidate language (Mo on the diagonal, Cr elsewhere) and a last "Mul" column; languages sorted.
Table matrixTable(const store::RunRecord& run, const std::vector<store::EvalCell>& cells,
                  const std::string& suite, const std::string& metric);

/// One row per compared cell: A, B, Δ (marked by the Holm-corrected randomization p), both
/// corrected p.
Table comparisonTable(const analysis::Comparison& comparison, const std::string& nameA,
                      const std::string& nameB);

/// Mean ± sample std per (setting summary, metric) of a seed group.
Table seedGroupTable(const std::string& name, const std::vector<analysis::CellAggregate>& aggregates);

/// The distinct suites of `cells`, sorted.
std::vector<std::string> suitesOf(const std::vector<store::EvalCell>& cells);

}  // namespace mtrec::report
