#pragma once

// Internal to core/store: how eval_results rows are bound and read by the result queries.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"
#include "store/eval_cell.h"
#include "store/statement.h"
#include "store/suite_contamination.h"

namespace mtrec::store::rows {

/// ORDER BY of cells: suite, setting (Mo, Cr, Mul), query language, candidate language, metric.
inline constexpr const char* kCellOrder =
    " ORDER BY suite, CASE setting WHEN 'Mo' THEN 0 WHEN 'Cr' THEN 1 ELSE 2 END, query_lang, "
    "cand_lang, metric";

/// Binds ?2 suite, ?3 setting, ?4 query_lang, ?5 cand_lang, ?6 metric (?1 is left to the caller).
inline Statement& bindKey(Statement& statement, const CellKey& key, Measure metric) {
    return statement.bind(2, key.suite)
        .bind(3, std::string(eval::settingName(key.setting)))
        .bind(4, key.queryLang)
        .bind(5, key.candLang)
        .bind(6, std::string(measureName(metric)));
}

/// The metric text a filter binds: "" (every metric) or the measure's name.
inline std::string metricFilter(const std::optional<Measure>& metric) {
    return metric ? std::string(measureName(*metric)) : std::string();
}

/// Columns first..first+3: suite, setting, query_lang, cand_lang (the CHECK keeps setting valid).
inline CellKey readKey(const Statement& row, int first) {
    return {row.text(first), settingFromName(row.text(first + 1)).value_or(eval::Setting::Mo),
            row.text(first + 2), row.text(first + 3)};
}

inline std::optional<Measure> readMeasure(const Statement& row, int column) {
    return measureFromName(row.text(column));
}

/// The Error for a stored metric text this program does not know.
inline Error unknownMeasure(const Statement& row, int column) {
    return Error{"eval_results holds the metric '" + row.text(column) +
                 "', which this program does not know"};
}

/// The columns of a suite_contamination row after run_id, in readContamination's order.
inline constexpr const char* kContaminationColumns =
    "suite, questions, shared_questions, passages, shared_passages, description";

/// A suite_contamination row from column `first` on (kContaminationColumns).
inline SuiteContamination readContamination(const Statement& row, int first) {
    return {row.text(first),      row.int64(first + 1), row.int64(first + 2),
            row.int64(first + 3), row.int64(first + 4), row.text(first + 5)};
}

/// One run's suite_contamination rows, sorted by suite. Throws SqlError.
inline std::vector<SuiteContamination> contaminationOf(Database& db, std::int64_t runId) {
    Statement query = db.prepare(std::string("SELECT ") + kContaminationColumns +
                                 " FROM suite_contamination WHERE run_id = ?1 ORDER BY suite");
    query.bind(1, runId);
    std::vector<SuiteContamination> out;
    while (query.step()) out.push_back(readContamination(query, 0));
    return out;
}

}  // namespace mtrec::store::rows
