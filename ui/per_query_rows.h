#pragma once

#include <QString>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/result.h"
#include "store/eval_cell.h"
#include "store/result_repository.h"

namespace mtrec::ui {

/// One query of a cell as the drill-down table shows it. NaN / nullopt: not stored for the run.
struct PerQueryRow {
    QString qid;
    QString text;  ///< the query's text, or empty when the suite's data was not read
    double averagePrecision = NAN;
    /// Rank of the first relevant candidate, exact from the stored per-query reciprocal rank
    /// (1 / rank); 0 when the query's ranking held no relevant candidate (reciprocal rank 0).
    std::optional<int> firstRelevantRank;
    double rankDistance = NAN;  ///< Mul cells: max − min rank of the relevant candidates
};

/// What the store holds per query for one cell.
struct PerQueryRows {
    std::vector<PerQueryRow> rows;  ///< by qid
    bool hasRank = false;           ///< per-query recip_rank stored
    bool hasRankDistance = false;   ///< per-query rank_distance stored (Mul cells)
};

/// The per-query values the store keeps for `key` (AP as "map", "recip_rank" and, for Mul cells,
/// "rank_distance"), merged by qid; texts left empty. No rows when none were stored. `results` is
/// taken as store.results() gives it: a light view of the store's connection.
Result<PerQueryRows> readPerQueryRows(store::ResultRepository results, std::int64_t runId,
                                      const store::CellKey& key);

/// The rank whose reciprocal is `reciprocalRank` (trec_eval's recip_rank = 1 / rank of the first
/// relevant candidate); 0 for 0 (no relevant candidate ranked).
int rankOfReciprocal(double reciprocalRank);

}  // namespace mtrec::ui
