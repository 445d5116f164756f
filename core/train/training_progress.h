#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "train/batch_kind.h"

namespace mtrec::train {

/// How many pairs of one batch had one (query language, passage language): the batch's realised
/// mix, for telemetry (a `cross` batch drawn per pair or a `mixed` batch holds several).
struct LanguagePairCount {
    std::string queryLang;
    std::string passageLang;
    std::int64_t pairs = 0;

    friend bool operator==(const LanguagePairCount& a, const LanguagePairCount& b) {
        return a.queryLang == b.queryLang && a.passageLang == b.passageLang && a.pairs == b.pairs;
    }
};

/// One optimizer step as the trainer's StepObserver sees it (a plain value; copy it anywhere):
/// everything recorded of the step, the batch's language mix included. Produced on the training
/// thread after every step; viewers get the smaller common/progress.h Progress instead.
struct TrainingProgress {
    std::size_t step = 0;        ///< optimizer steps done, 1-based (the step just taken)
    std::size_t totalSteps = 0;  ///< the step the run ends at unless stopped early
    double epoch = 0.0;          ///< fractional epochs done: step / BatchSampler::batchesPerEpoch()
    double loss = 0.0;           ///< this batch's InfoNCE loss, before the task weight
    double weightedLoss = 0.0;   ///< loss × kind.lossWeight: what was back-propagated
    double lr = 0.0;             ///< the learning rate this step used
    double gradNorm = 0.0;       ///< global L2 norm of the gradients before clipping
    /// Pairs per second of training steps in this session (since train() started; validation and
    /// checkpoint time excluded).
    double examplesPerSecond = 0.0;
    /// Seconds the remaining steps take at this session's wall time per step (validation and
    /// checkpoints included).
    double etaSeconds = 0.0;
    double stepSeconds = 0.0;  ///< wall time of this step alone (tokenising included)
    BatchKind kind;            ///< what the batch was (strategy branch, task, languages, weight)
    std::size_t pairs = 0;     ///< pairs in the batch
    std::vector<LanguagePairCount> languagePairs;  ///< the batch's mix, sorted by languages
    /// Set on the steps that computed the validation loss (every TrainerOptions::evalEvery steps).
    std::optional<double> validationLoss;
    /// Set on the same steps when the trainer has a ValidationRanking with cross-lingual queries.
    std::optional<double> validationCrossMrr;
    /// Data-parallel runs: seconds this step spent gathering embeddings and waiting for gradient
    /// sums (the communication the backward pass did not hide).
    std::optional<double> communicationSeconds;
};

}  // namespace mtrec::train
