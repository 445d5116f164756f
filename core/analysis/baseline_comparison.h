#pragma once

#include <cstdint>
#include <vector>

#include "analysis/run_comparison.h"
#include "analysis/seed_groups.h"
#include "common/result.h"
#include "store/experiment_store.h"

namespace mtrec::analysis {

/// One side of a comparison (what `mtrec runs compare` compares): a run, or with seed groups the
/// run's seed group.
struct ComparedSide {
    std::vector<std::int64_t> runIds;  ///< the run asked for, or its seed group in id order
    store::RunRecord first;            ///< the record of runIds.front() (it names the side)
    /// Seed groups only: mean and sample std of every stored cell over runIds; empty otherwise.
    std::vector<CellAggregate> aggregates;
};

/// Loads the side of `runId`: with `seedGroup`, the runs that differ from it only in seed and
/// their aggregated cells. An Error when the run is absent or a read fails.
Result<ComparedSide> loadSide(store::ExperimentStore& store, std::int64_t runId, bool seedGroup);

/// A candidate side compared with the baseline: the per-cell comparison (candidate = A, baseline =
/// B) and how many of its cells differ significantly.
struct SideComparison {
    Comparison comparison;
    SignificanceSummary significance;
};

/// compareRuns(candidate.runIds, baseline.runIds) with its significance summary (Holm-corrected
/// randomization p < alpha).
Result<SideComparison> compareSides(store::ResultRepository& results, const ComparedSide& candidate,
                                    const ComparedSide& baseline, const ComparisonOptions& options,
                                    double alpha = 0.05);

}  // namespace mtrec::analysis
