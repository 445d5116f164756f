#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "report/seen_unseen_table.h"
#include "report/table_format.h"
#include "store/result_repository.h"

namespace mtrec::report {

/// One row of a protocol's comparison: a run, or the runs of one config over several seeds.
struct ProtocolTableRow {
    std::string label;                 ///< e.g. "demo-hybrid"
    std::vector<std::int64_t> runIds;  ///< one per seed; not empty
};

/// The comparison a protocol ends with: a row per entry of `rows`, a Seeds column, then per suite
/// the Mo, Cr and Mul setting summaries of mAP and the mean rank distance (the language bias; lower
/// is better). A row of several runs shows mean ± sample std over them ("0.852 ± 0.012"); a value
/// no run of the row holds is "-". Column names carry the suite when there are several. Errors are
/// the store's.
Result<Table> protocolTable(store::ResultRepository& results,
                            const std::vector<ProtocolTableRow>& rows,
                            const std::vector<std::string>& suites);

/// The same rows split by language (seenUnseenSummary of each run): per suite, Mo, Cr, Mul (mAP)
/// and rank distance over the seen languages and over the unseen ones, and Cr over the mixed pairs
/// (one seen, one unseen language). Seen = the run's training languages; a run with none (the
/// untrained encoder, BM25) is split by the languages every trained run of `rows` shares, so
/// reference rows compare column by column; when the trained runs disagree, its cells are "-".
/// When no evaluated language is unseen, the table has no rows and its note says so.
Result<Table> protocolSeenUnseenTable(store::ResultRepository& results,
                                      const std::vector<ProtocolTableRow>& rows,
                                      const std::vector<std::string>& suites,
                                      const TrainingLanguagesByRun& trainingLanguages);

}  // namespace mtrec::report
