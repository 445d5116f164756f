#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"
#include "store/eval_cell.h"
#include "store/language_diagnostics.h"
#include "store/language_grid.h"
#include "store/process_identity.h"
#include "store/suite_contamination.h"

namespace mtrec::store {

/// Reads and writes a run's evaluation cells (eval_results) and per-query values
/// (per_query_results), and reads them in the shapes the views draw (grids). Refers to the store's
/// connection; same validity and thread rules as RunRepository. A stored metric text this binary
/// does not know is an Error naming it.
class ResultRepository {
public:
    ResultRepository(Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

    /// Stores cells and per-query values in one transaction. A cell already stored under the same
    /// (run, key, metric) is replaced, and so are its per-query values when `perQuery` names it.
    /// Errors (no such run, an empty suite or language, a non-finite value, a per-query value whose
    /// cell is in neither `cells` nor the store) leave the store unchanged and name the cell.
    Status record(std::int64_t runId, const std::vector<EvalCell>& cells,
                  const std::vector<PerQueryValue>& perQuery = {});

    /// The run's cells, ordered by suite, setting (Mo, Cr, Mul), query language, candidate
    /// language, metric name. Empty `suite` and no `metric` = all.
    Result<std::vector<EvalCell>> matrix(std::int64_t runId, const std::string& suite = {},
                                         std::optional<Measure> metric = std::nullopt);
    /// The language-pair and Mul cells of one suite and measure (no setting summaries), unordered,
    /// without definitions: a lean matrix() for views that only average the values (the runs
    /// tree's seen/unseen columns read it for every run).
    Result<std::vector<EvalCell>> cellValues(std::int64_t runId, const std::string& suite,
                                             Measure metric);
    /// Per-query values of one cell and metric, ordered by qid; empty when none were stored.
    Result<std::vector<QueryValue>> perQuery(std::int64_t runId, const CellKey& key,
                                             Measure metric);
    /// Every per-query value of the run (for exports), in matrix() order, then by qid.
    Result<std::vector<PerQueryValue>> allPerQuery(std::int64_t runId,
                                                   const std::string& suite = {},
                                                   std::optional<Measure> metric = std::nullopt);

    /// The run's language x language grid of one suite and metric (see LanguageGrid): each cell
    /// with its value and query count. A run with no such cells gives an empty grid.
    Result<LanguageGrid> languageGrid(std::int64_t runId, const std::string& suite, Measure metric);
    /// The run's Mul-ranking bias of one suite (see BiasGrid); empty when none was recorded.
    Result<BiasGrid> biasGrid(std::int64_t runId, const std::string& suite);
    /// Per query language of one suite, sorted by code: the unk share and the tied relevant
    /// queries of Mo, Cr (summed) and Mul (see LanguageDiagnostics); empty when none were recorded.
    Result<std::vector<LanguageDiagnostics>> languageDiagnostics(std::int64_t runId,
                                                                 const std::string& suite);
    /// The suites the run has results for, sorted.
    Result<std::vector<std::string>> suites(std::int64_t runId);

    /// Records that the run evaluated a suite sharing data with its training data (replacing an
    /// earlier record of the same suite). Errors: no such run, an empty suite name.
    Status recordContamination(std::int64_t runId, const SuiteContamination& contamination);
    /// The run's contaminated suites, sorted by suite; empty for a clean run.
    Result<std::vector<SuiteContamination>> contamination(std::int64_t runId);

private:
    Database& db_;
    Clock clock_;
};

}  // namespace mtrec::store
