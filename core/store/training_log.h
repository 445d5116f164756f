#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"
#include "store/metrics_writer.h"

namespace mtrec::store {

/// How many steps (batches) of each kind a run has logged: the realised mix to set against the
/// asked-for α. A step with several telemetry rows of one branch counts once for that branch.
struct BranchCount {
    std::string branch;
    std::string task;
    std::int64_t steps = 0;
    std::int64_t pairs = 0;
};

/// How many training pairs a run drew of one (query language, passage language); batches whose
/// pairs are not of one language pair on either side are not counted here.
struct TrainedPairCount {
    std::string queryLang;
    std::string passageLang;
    std::int64_t pairs = 0;
};

/// A run's training curves from some step on, column by column (what a plot appends). Every vector
/// but the validation ones has one entry per logged step, in step order.
struct StepCurves {
    std::vector<std::int64_t> steps;
    std::vector<double> loss;
    std::vector<double> learningRate;
    std::vector<double> examplesPerSecond;
    std::vector<double> epoch;
    std::vector<std::int64_t> validationSteps;  ///< the steps that validated
    std::vector<double> validationLoss;         ///< parallel to validationSteps
    std::vector<std::int64_t> crossMrrSteps;    ///< the steps that ranked validation queries
    std::vector<double> validationCrossMrr;     ///< parallel to crossMrrSteps
    /// The highest step the run has logged (any step, not only those returned), nullopt when none.
    /// Lower than the last step a plot holds: the run resumed from an earlier checkpoint and
    /// discarded later steps, so the plot reloads from the start.
    std::optional<std::int64_t> lastStep;
};

/// Reads a run's step metrics and batch telemetry (the GUI's live curves poll it with `afterStep`),
/// and trims them when a run resumes from a checkpoint. Refers to the store's connection; same
/// rules as RunRepository.
class TrainingLog {
public:
    explicit TrainingLog(Database& db) : db_(db) {}

    /// Step metrics with step > afterStep, by step.
    Result<std::vector<StepMetric>> steps(std::int64_t runId, std::int64_t afterStep = -1);
    /// The loss, learning rate, examples/s and validation curves of steps > afterStep, and the
    /// last logged step (the GUI's live curves poll it with the last step they hold).
    Result<StepCurves> curves(std::int64_t runId, std::int64_t afterStep = -1);
    /// Telemetry rows with step > afterStep, by step then insertion order.
    Result<std::vector<BatchTelemetry>> telemetry(std::int64_t runId, std::int64_t afterStep = -1);
    Result<std::vector<BranchCount>> branchMix(std::int64_t runId);
    /// The pairs trained per language pair (from the batch telemetry), by query then passage
    /// language.
    Result<std::vector<TrainedPairCount>> trainedPairs(std::int64_t runId);
    /// The highest logged step, or nullopt when none.
    Result<std::optional<std::int64_t>> lastStep(std::int64_t runId);
    /// Deletes metrics and telemetry of steps > step (a resume from the checkpoint taken at
    /// `step`).
    Status discardAfter(std::int64_t runId, std::int64_t step);

private:
    Database& db_;
};

}  // namespace mtrec::store
