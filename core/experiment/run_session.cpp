#include "experiment/run_session.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <thread>

#include "common/pause_point.h"
#include "experiment/encoder_evaluation.h"
#include "experiment/encoder_setup.h"
#include "experiment/run_recorder.h"
#include "experiment/tokenizer_setup.h"
#include "model/encoder.h"
#include "model/encoder_checkpoint.h"
#include "store/suite_record.h"
#include "text/batch_encoder.h"
#include "train/checkpoint.h"
#include "train/sampler_factory.h"
#include "train/trainer.h"
#include "train/validation_batches.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

std::size_t effectiveThreads(std::size_t threads) {
    return threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

train::TrainerOptions trainerOptions(const TrainingConfig& config, const fs::path& checkpoints) {
    train::TrainerOptions options;
    const OptimizerConfig& optimizer = config.optimizer;
    options.lr = optimizer.lr;
    options.weightDecay = optimizer.weightDecay;
    options.warmupSteps = optimizer.warmupSteps;
    options.clipNorm = optimizer.clipNorm;
    options.steps = optimizer.steps;
    options.epochs = optimizer.epochs;
    options.evalEvery = optimizer.evalEvery;
    options.earlyStoppingPatience = optimizer.earlyStoppingPatience;
    options.checkpointEvery = optimizer.checkpointEvery;
    options.checkpointDir = checkpoints.string();
    options.threads = config.threads;
    options.seed = config.seed;
    options.loss.scale = 1.0 / config.strategy.tau;
    options.loss.symmetric = config.strategy.symmetric;
    options.hardNegatives = config.strategy.hardNegatives;
    return options;
}

/// Failure tests: MTREC_TEST_NAN_AT_STEP=N turns step N's loss into NaN.
void injectNanForTesting(train::Trainer& trainer) {
    const char* text = std::getenv("MTREC_TEST_NAN_AT_STEP");
    if (!text || !*text) return;
    const std::size_t at = std::strtoull(text, nullptr, 10);
    trainer.setLossTransformForTesting(
        [at](std::size_t step, double loss) { return step == at ? std::nan("") : loss; });
}

}  // namespace

RunSession::RunSession(store::ExperimentStore& store, std::int64_t runId, TrainingConfig config,
                       TrainingData data, fs::path outputDir, const TrainingRunOptions& options)
    : store_(store),
      runId_(runId),
      config_(std::move(config)),
      data_(std::move(data)),
      outputDir_(std::move(outputDir)),
      options_(options) {
    outcome_.runId = runId_;
    outcome_.outputDir = outputDir_.string();
}

RunSession::~RunSession() = default;

fs::path RunSession::checkpointDir(const fs::path& outputDir) {
    return outputDir / "checkpoints";
}

void RunSession::phase(const std::string& name) const {
    if (options_.callbacks.onPhase) options_.callbacks.onPhase(name);
}

bool RunSession::cancelRequested() const {
    return options_.cancel && options_.cancel->load();
}

Error RunSession::failRun(const std::string& reason) {
    if (recorder_) static_cast<void>(recorder_->flush());  // keep the steps logged so far
    std::string message = "run " + std::to_string(runId_) + " failed: " + reason;
    if (Status failed = store_.runs().fail(runId_, reason); !failed)
        message += " (and it could not be marked failed: " + failed.error().message + ")";
    return Error{message};
}

Result<TrainingRunOutcome> RunSession::run(bool resume) {
    if (Status started = store_.runs().start(runId_); !started) return started.error();
    try {
        if (Status built = build(resume); !built) return failRun(built.error().message);
        Result<train::TrainingOutcome> trained = train();
        if (!trained) return failRun(trained.error().message);
        return end(trained.value());
    } catch (const std::exception& error) {
        return failRun(std::string("internal error: ") + error.what());
    }
}

Status RunSession::build(bool resume) {
    phase(config_.tokenizer.train ? "training the tokenizer" : "loading the tokenizer");
    auto tokenizer = buildTokenizer(config_, data_, {}, outputDir_ / "tokenizer.model", resume);
    if (!tokenizer) return tokenizer.error();
    tokenizer_ = std::move(tokenizer).value();
    batchEncoder_ = std::make_unique<text::BatchEncoder>(*tokenizer_, config_.tokenizer.encoding);

    phase("building the encoder");
    Result<model::Encoder> encoder = buildEncoder(config_, *tokenizer_, {});
    if (!encoder) return encoder.error();
    encoder_ = encoder.value();
    sampler_ =
        train::makeSampler(config_.strategy, {&data_.train, &data_.translation}, config_.seed);
    trainer_ = std::make_unique<train::Trainer>(encoder_, *batchEncoder_, *sampler_,
                                                trainerOptions(config_, checkpointDir(outputDir_)));
    if (config_.optimizer.evalEvery > 0 && !data_.validation.empty())
        trainer_->setValidationBatches(
            train::validationBatches(data_.validation, config_.strategy.batchSize));
    recorder_ = std::make_unique<RunRecorder>(store_, runId_, config_.optimizer.checkpointEvery);
    connectTrainer();
    injectNanForTesting(*trainer_);
    return resume ? restore() : success();
}

/// Restores the newest complete checkpoint of the output folder (none: the run starts over) and
/// drops what the log holds beyond its step.
Status RunSession::restore() {
    const fs::path checkpoints = checkpointDir(outputDir_);
    if (train::resolveCheckpoint(checkpoints.string())) {
        phase("restoring the checkpoint");
        if (Status resumed = trainer_->resume(checkpoints.string()); !resumed) return resumed;
    }
    outcome_.resumedFromStep = trainer_->completedSteps();
    return store_.trainingLog().discardAfter(runId_,
                                             static_cast<std::int64_t>(outcome_.resumedFromStep));
}

void RunSession::connectTrainer() {
    train::TrainerCallbacks callbacks;
    callbacks.onProgress = [this](const train::TrainingProgress& progress) {
        if (cancelRequested() || recorder_->stopRequested()) stop_ = true;
        recorder_->step(progress, stop_.load());
        if (options_.callbacks.onStep) options_.callbacks.onStep(progress);
    };
    callbacks.onCheckpoint = [this](const std::string& folder, std::size_t) {
        recorder_->checkpoint(folder);
        outcome_.checkpoint = folder;
    };
    trainer_->setCallbacks(std::move(callbacks));
    trainer_->setCancelFlag(&stop_);
}

Result<train::TrainingOutcome> RunSession::train() {
    phase("training");
    if (cancelRequested()) stop_ = true;
    Result<train::TrainingOutcome> trained = trainer_->train();
    if (!trained) return trained;
    if (Status flushed = recorder_->flush(); !flushed)
        return Error{"recording the run in " + store_.path() +
                     " failed: " + flushed.error().message};
    const train::TrainingOutcome& outcome = trained.value();
    outcome_.steps = outcome.lastStep;
    outcome_.stoppedEarly = outcome.end == train::TrainingEnd::EarlyStopped;
    if (outcome.lastStep > outcome_.resumedFromStep) outcome_.lastLoss = outcome.lastLoss;
    outcome_.bestValidationLoss = outcome.bestValidationLoss;
    if (!outcome.finalCheckpoint.empty()) outcome_.checkpoint = outcome.finalCheckpoint;
    return trained;
}

Status RunSession::evaluate(const train::TrainingOutcome& trained) {
    std::shared_ptr<model::EncoderImpl> encoder = encoder_;
    outcome_.evaluatedModel = outcome_.checkpoint;
    if (!trained.bestModel.empty()) {
        Result<model::Encoder> best = model::loadEncoder(trained.bestModel);
        if (!best) return best.error();
        encoder = best.value();
        outcome_.evaluatedModel = trained.bestModel;
    }
    pausePoint("evaluation");
    phase("evaluating");
    EncoderEvaluationOptions options;
    options.threads = static_cast<int>(effectiveThreads(config_.threads));
    options.runId = "run-" + std::to_string(runId_);
    options.outputDir = outputDir_.string();
    options.cancel = options_.cancel;
    options.progress = [this](const std::string& suite, const std::string& what, std::size_t done,
                              std::size_t total) {
        recorder_->heartbeat();
        if (options_.callbacks.onEvaluation)
            options_.callbacks.onEvaluation(suite, what, done, total);
    };
    Result<EncoderEvaluation> evaluated =
        evaluateEncoder(config_.evaluation, {}, *encoder, *batchEncoder_, options);
    if (!evaluated) return evaluated.error();
    for (const eval::SuiteEvaluation& evaluation : evaluated.value().evaluations) {
        const store::SuiteRecord record = store::suiteRecord(evaluation);
        if (Status recorded = store_.results().record(runId_, record.cells, record.perQuery);
            !recorded)
            return recorded;
    }
    outcome_.evaluations = std::move(evaluated.value().evaluations);
    outcome_.notes = std::move(evaluated.value().notes);
    return success();
}

Result<TrainingRunOutcome> RunSession::end(const train::TrainingOutcome& trained) {
    if (!outcome_.checkpoint.empty())
        if (Status recorded = store_.runs().setCheckpoint(runId_, outcome_.checkpoint); !recorded)
            return failRun(recorded.error().message);
    const bool cancelled = trained.end == train::TrainingEnd::Cancelled;
    if (!cancelled && !config_.evaluation.empty())
        if (Status evaluated = evaluate(trained); !evaluated && !cancelRequested())
            return failRun(evaluated.error().message);
    if (cancelled || cancelRequested()) {
        if (Status done = store_.runs().cancel(runId_); !done) return done.error();
        outcome_.status = store::RunStatus::Cancelled;
        return outcome_;
    }
    if (Status done = store_.runs().finish(runId_); !done) return done.error();
    outcome_.status = store::RunStatus::Finished;
    return outcome_;
}

}  // namespace mtrec::experiment
