#include "experiment/trainer_settings.h"

#include <cmath>

#include "train/qa_budget.h"
#include "train/validation_batches.h"
#include "train/validation_ranking.h"

namespace mtrec::experiment {

train::TrainerOptions trainerOptions(const TrainingConfig& config, const TrainingData& data,
                                     const RunFolder& folder, const TrainingRunOptions& run) {
    train::TrainerOptions options;
    const OptimizerConfig& optimizer = config.optimizer;
    options.lr = optimizer.lr;
    options.weightDecay = optimizer.weightDecay;
    options.warmupSteps = optimizer.warmupSteps;
    options.clipNorm = optimizer.clipNorm;
    if (optimizer.steps)
        options.steps = train::optimizerSteps(config.strategy, *optimizer.steps,
                                              !data.translation.empty());
    options.epochs = optimizer.epochs;
    options.evalEvery = optimizer.evalEvery;
    options.earlyStoppingPatience = optimizer.earlyStoppingPatience;
    options.selectBy = optimizer.selectBy;
    options.checkpointEvery = optimizer.checkpointEvery;
    options.keepCheckpoints = optimizer.keepCheckpoints;
    options.checkpointDir = folder.checkpoints().string();
    options.threads = config.threads;
    options.precision = config.precision;
    options.seed = config.seed;
    options.loss.scale = 1.0 / config.strategy.tau;
    options.loss.symmetric = config.strategy.symmetric;
    options.hardNegatives = config.strategy.hardNegatives;
    options.pausePoints = run.pausePoints;
    options.collective = run.collective;
    if (const std::optional<std::size_t> at = run.nanLossAtStep)
        options.lossTransformForTesting = [at = *at](std::size_t step, double loss) {
            return step == at ? std::nan("") : loss;
        };
    return options;
}

void setValidation(train::Trainer& trainer, const TrainingConfig& config, const TrainingData& data) {
    if (config.optimizer.evalEvery == 0 || data.validation.empty()) return;
    trainer.setValidationBatches(
        train::validationBatches(data.validation, config.strategy.batchSize));
    trainer.setValidationRanking(train::ValidationRanking(data.validation));
}

}  // namespace mtrec::experiment
