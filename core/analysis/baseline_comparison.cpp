#include "analysis/baseline_comparison.h"

namespace mtrec::analysis {

Result<ComparedSide> loadSide(store::ExperimentStore& store, std::int64_t runId, bool seedGroup) {
    store::RunRepository runs = store.runs();
    Result<store::RunRecord> run = runs.get(runId);
    if (!run) return run.error();
    ComparedSide side{{runId}, std::move(run).value(), {}};
    if (!seedGroup) return side;
    Result<std::vector<std::int64_t>> group = seedGroupOf(runs, runId);
    if (!group) return group.error();
    side.runIds = std::move(group).value();
    Result<store::RunRecord> first = runs.get(side.runIds.front());
    if (!first) return first.error();
    side.first = std::move(first).value();
    std::vector<std::vector<store::EvalCell>> matrices;
    store::ResultRepository results = store.results();
    for (std::int64_t id : side.runIds) {
        Result<std::vector<store::EvalCell>> matrix = results.matrix(id);
        if (!matrix) return matrix.error();
        matrices.push_back(std::move(matrix).value());
    }
    side.aggregates = aggregateCells(matrices);
    return side;
}

Result<SideComparison> compareSides(store::ResultRepository& results, const ComparedSide& candidate,
                                    const ComparedSide& baseline, const ComparisonOptions& options,
                                    double alpha) {
    Result<Comparison> comparison =
        compareRuns(results, candidate.runIds, baseline.runIds, options);
    if (!comparison) return comparison.error();
    const SignificanceSummary significance = summarizeSignificance(comparison.value(), alpha);
    return SideComparison{std::move(comparison).value(), significance};
}

}  // namespace mtrec::analysis
