#include "train/trainer.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <utility>

#include <ATen/Context.h>
#include <nlohmann/json.hpp>

#include "model/encoder.h"
#include "text/batch_encoder.h"
#include "train/batch_tensors.h"
#include "train/checkpoint.h"
#include "train/collective.h"
#include "train/data_parallel.h"
#include "train/lr_schedule.h"
#include "train/thread_settings.h"
#include "train/training_step.h"

namespace mtrec::train {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::size_t plannedSteps(const TrainerOptions& options, const BatchSampler& sampler) {
    if (options.steps.has_value() == options.epochs.has_value())
        throw std::invalid_argument("TrainerOptions: give exactly one of steps and epochs");
    const std::size_t total =
        options.steps ? *options.steps : *options.epochs * sampler.batchesPerEpoch();
    if (total == 0 && options.epochs)  // steps = 0 is allowed: the untrained baseline
        throw std::invalid_argument("TrainerOptions: an epoch of this sampler has no batch");
    return total;
}

/// The options a resumed run must share with the checkpoint to continue exactly.
nlohmann::json resumeSettings(const TrainerOptions& options, std::size_t totalSteps) {
    nlohmann::json settings = {{"lr", options.lr},
                               {"weight_decay", options.weightDecay},
                               {"warmup_steps", options.warmupSteps},
                               {"clip_norm", options.clipNorm},
                               {"total_steps", totalSteps},
                               {"seed", options.seed},
                               {"loss_scale", options.loss.scale},
                               {"symmetric", options.loss.symmetric},
                               {"hard_negatives", options.hardNegatives}};
    // Only when not the loss, so checkpoints written before select_by existed still resume.
    if (options.selectBy != SelectionMeasure::Loss)
        settings["select_by"] = selectionMeasureText(options.selectBy);
    // The same for the precision (a resume in another precision would change the trajectory).
    if (options.precision != model::MatmulPrecision::Fp32)
        settings["precision"] = model::matmulPrecisionText(options.precision);
    return settings;
}

std::string describeNonFinite(const char* what, std::size_t step, double value,
                              const BatchKind& kind) {
    std::ostringstream message;
    message << "training stopped: the " << what << " is " << value << " at step " << step
            << " (batch " << kind.label() << "); try a lower learning rate";
    return message.str();
}

/// The job report of a step.
Progress toProgress(const TrainingProgress& step) {
    Progress progress;
    progress.phase = Phase::Training;
    progress.done = step.step;
    progress.total = step.totalSteps;
    progress.step = step.step;
    progress.loss = step.loss;
    progress.learningRate = step.lr;
    progress.examplesPerSecond = step.examplesPerSecond;
    progress.etaSeconds = step.etaSeconds;
    progress.batch = step.kind.label();
    progress.validationLoss = step.validationLoss;
    progress.validationCrossMrr = step.validationCrossMrr;
    return progress;
}

/// The pace of one train() call, for examples/s and the ETA.
struct SessionPace {
    Clock::time_point start = Clock::now();
    double stepSeconds = 0.0;  // training steps only
    double pairs = 0.0;
    std::size_t steps = 0;
};

}  // namespace

const char* toString(TrainingEnd end) {
    switch (end) {
        case TrainingEnd::Finished:
            return "finished";
        case TrainingEnd::Cancelled:
            return "cancelled";
        case TrainingEnd::EarlyStopped:
            return "early_stopped";
        case TrainingEnd::Interrupted:
            return "interrupted";
    }
    return "unknown";
}

struct Trainer::State {
    State(std::shared_ptr<model::EncoderImpl> encoderIn, const text::BatchEncoder& batchEncoderIn,
          BatchSampler& samplerIn, TrainerOptions optionsIn)
        : encoder(std::move(encoderIn)),
          batchEncoder(batchEncoderIn),
          sampler(samplerIn),
          options(std::move(optionsIn)),
          totalSteps(plannedSteps(options, sampler)),
          schedule(options.lr, options.warmupSteps, totalSteps) {
        if (!encoder) throw std::invalid_argument("Trainer: no encoder");
        step = std::make_unique<TrainingStep>(*encoder, options.weightDecay, options.clipNorm,
                                              options.loss);
        if (options.collective) {
            dataParallel = std::make_unique<DataParallel>(options.collective, *encoder);
            step->setDataParallel(dataParallel.get());
        }
    }

    std::shared_ptr<model::EncoderImpl> encoder;
    const text::BatchEncoder& batchEncoder;
    BatchSampler& sampler;
    TrainerOptions options;
    std::size_t totalSteps;
    LinearSchedule schedule;
    std::unique_ptr<TrainingStep> step;
    std::unique_ptr<DataParallel> dataParallel;  // null for one process

    std::vector<Batch> validation;
    std::vector<BatchTensors> validationTensors;  // tokenised on first use
    std::optional<ValidationRanking> ranking;
    StepObserver observer;
    ProgressSink progress;
    CancelToken cancel;

    std::size_t completed = 0;
    bool restored = false;
    std::optional<double> bestValidation;
    std::size_t bestStep = 0;
    std::size_t waited = 0;  // evaluations in a row without improvement
    std::string lastCheckpoint;
    std::size_t lastCheckpointStep = 0;
    std::string bestModel;

    Result<TrainingProgress> takeStep(SessionPace& pace);
    double validationLoss();
    Status validate(TrainingProgress& progress, bool& stopEarly);
    Status checkpoint();
    Status checkSettings(const CheckpointState& saved, const std::string& folder) const;
    BatchTensors tokenise(const Batch& batch) const;
    bool stopRequested();
    void seedGenerator();
    Result<TrainingOutcome> trainSteps();
};

double Trainer::State::validationLoss() {
    if (validationTensors.empty())
        for (const Batch& batch : validation)
            validationTensors.push_back(tokeniseBatch(batch, batchEncoder, options.hardNegatives));
    encoder->eval();
    double sum = 0.0;
    std::int64_t pairs = 0;
    for (const BatchTensors& batch : validationTensors) {
        sum += step->evaluate(batch) * static_cast<double>(batch.pairs);
        pairs += batch.pairs;
    }
    encoder->train();
    return sum / static_cast<double>(pairs);
}

Status Trainer::State::validate(TrainingProgress& progress, bool& stopEarly) {
    progress.validationLoss = validationLoss();
    if (ranking && !ranking->empty())
        progress.validationCrossMrr = ranking->crossMrr(*encoder, batchEncoder);
    if (dataParallel) {  // every rank decides on rank 0's values, whatever its own rounding
        const std::vector<double> shared = dataParallel->leaderValues(
            {*progress.validationLoss, progress.validationCrossMrr.value_or(0.0)});
        progress.validationLoss = shared[0];
        if (progress.validationCrossMrr) progress.validationCrossMrr = shared[1];
    }
    const double value = options.selectBy == SelectionMeasure::CrossMrr
                             ? *progress.validationCrossMrr
                             : *progress.validationLoss;
    if (improves(options.selectBy, value, bestValidation)) {
        bestValidation = value;
        bestStep = completed;
        waited = 0;
        if (!options.checkpointDir.empty()) {
            Result<std::string> best = writeBestModel(options.checkpointDir, *encoder);
            if (!best) return best.error();
            bestModel = best.value();
        }
    } else {
        ++waited;
    }
    stopEarly = options.earlyStoppingPatience > 0 && waited >= options.earlyStoppingPatience;
    return success();
}

Status Trainer::State::checkpoint() {
    if (options.checkpointDir.empty() ||
        (lastCheckpointStep == completed && !lastCheckpoint.empty()))
        return success();
    CheckpointState saved;
    saved.step = completed;
    saved.totalSteps = totalSteps;
    saved.sampler = sampler.state();
    saved.bestValidation = bestValidation;
    saved.bestValidationStep = bestStep;
    saved.evaluationsWithoutImprovement = waited;
    saved.settings = resumeSettings(options, totalSteps);
    Result<std::string> folder =
        writeCheckpoint(options.checkpointDir, *encoder, step->optimizer(), saved,
                        options.keepCheckpoints, options.pausePoints);
    if (!folder) return folder.error();
    lastCheckpoint = folder.value();
    lastCheckpointStep = completed;
    Progress written;
    written.phase = Phase::Checkpointing;
    written.step = completed;
    written.done = completed;
    written.total = totalSteps;
    written.checkpoint = lastCheckpoint;
    notify(progress, written);
    return success();
}

Status Trainer::State::checkSettings(const CheckpointState& saved,
                                     const std::string& folder) const {
    const std::string file = (std::filesystem::path(folder) / "trainer_state.json").string();
    const nlohmann::json current = resumeSettings(options, totalSteps);
    const auto described = [](const nlohmann::json& settings, const std::string& key) {
        const auto found = settings.find(key);
        return found == settings.end() ? std::string("no value") : found->dump();
    };
    // Keys of either side: a setting only one of them has (select_by) differs too.
    nlohmann::json keys = current;
    keys.update(saved.settings);
    for (const auto& [key, unused] : keys.items())
        if (described(saved.settings, key) != described(current, key))
            return Error{file + ": $.settings." + key + ": the checkpoint was written with " +
                         described(saved.settings, key) + ", this run has " +
                         described(current, key) + "; resume with the same options"};
    if (saved.step > totalSteps)
        return Error{file + ": $.step: " + std::to_string(saved.step) + " is past the run's " +
                     std::to_string(totalSteps) + " steps"};
    return success();
}

Trainer::Trainer(std::shared_ptr<model::EncoderImpl> encoder,
                 const text::BatchEncoder& batchEncoder, BatchSampler& sampler,
                 TrainerOptions options)
    : state_(
          std::make_unique<State>(std::move(encoder), batchEncoder, sampler, std::move(options))) {}

Trainer::~Trainer() = default;

void Trainer::setValidationBatches(std::vector<Batch> batches) {
    state_->validation = std::move(batches);
    state_->validationTensors.clear();
}

void Trainer::setValidationRanking(ValidationRanking ranking) {
    state_->ranking = std::move(ranking);
}

void Trainer::setStepObserver(StepObserver observer) {
    state_->observer = std::move(observer);
}

void Trainer::setProgressSink(ProgressSink sink) {
    state_->progress = std::move(sink);
}

void Trainer::setCancelToken(CancelToken cancel) {
    state_->cancel = std::move(cancel);
}

std::size_t Trainer::completedSteps() const {
    return state_->completed;
}
std::size_t Trainer::totalSteps() const {
    return state_->totalSteps;
}

Status Trainer::resume(const std::string& path) {
    State& s = *state_;
    Result<std::string> folder = resolveCheckpoint(path);
    if (!folder) return folder.error();
    Result<CheckpointState> saved = readCheckpointState(folder.value());
    if (!saved) return saved.error();
    if (Status fits = s.checkSettings(saved.value(), folder.value()); !fits) return fits;
    try {
        s.sampler.restore(saved.value().sampler);
    } catch (const std::exception& error) {
        return Error{folder.value() + "/trainer_state.json: $.sampler: " + error.what()};
    }
    Status tensors = loadCheckpointTensors(folder.value(), *s.encoder, s.step->optimizer());
    if (!tensors) return tensors;
    s.completed = saved.value().step;
    s.bestValidation = saved.value().bestValidation;
    s.bestStep = saved.value().bestValidationStep;
    s.waited = saved.value().evaluationsWithoutImprovement;
    s.lastCheckpoint = folder.value();
    s.lastCheckpointStep = s.completed;
    if (s.bestValidation && !s.options.checkpointDir.empty()) {
        const std::string best = bestModelFolder(s.options.checkpointDir);
        if (std::filesystem::exists(best)) s.bestModel = best;
    }
    s.restored = true;
    return success();
}

Result<TrainingProgress> Trainer::State::takeStep(SessionPace& pace) {
    const Clock::time_point start = Clock::now();
    const Batch batch = sampler.next();
    const std::size_t stepNumber = completed + 1;
    if (dataParallel && batch.pairs.size() < static_cast<std::size_t>(dataParallel->size()))
        return Error{"the batch of step " + std::to_string(stepNumber) + " holds " +
                     std::to_string(batch.pairs.size()) + " pairs, fewer than the " +
                     std::to_string(dataParallel->size()) +
                     " processes training it; train on fewer processes or with larger batches"};
    const BatchTensors tensors = tokenise(batch);
    const double lr = schedule.at(stepNumber);
    std::function<double(double)> transform;
    if (options.lossTransformForTesting)
        transform = [&](double loss) { return options.lossTransformForTesting(stepNumber, loss); };
    const StepResult result = step->run(tensors, batch.kind.lossWeight, lr, transform);
    if (!result.taken) {
        const bool lossBad = !std::isfinite(result.loss);
        return Error{describeNonFinite(lossBad ? "loss" : "gradient norm", stepNumber,
                                       lossBad ? result.loss : result.gradNorm, batch.kind)};
    }
    completed = stepNumber;
    const double seconds = secondsSince(start);
    pace.stepSeconds += seconds;
    pace.pairs += static_cast<double>(batch.pairs.size());
    ++pace.steps;

    TrainingProgress progress;
    progress.step = stepNumber;
    progress.totalSteps = totalSteps;
    progress.epoch = static_cast<double>(stepNumber) /
                     static_cast<double>(std::max<std::size_t>(1, sampler.batchesPerEpoch()));
    progress.loss = result.loss;
    progress.weightedLoss = result.loss * batch.kind.lossWeight;
    progress.lr = lr;
    progress.gradNorm = result.gradNorm;
    progress.stepSeconds = seconds;
    progress.examplesPerSecond = pace.stepSeconds > 0.0 ? pace.pairs / pace.stepSeconds : 0.0;
    progress.kind = batch.kind;
    progress.pairs = batch.pairs.size();
    progress.languagePairs = countLanguagePairs(batch);
    if (dataParallel) progress.communicationSeconds = dataParallel->takeCommunicationSeconds();
    return progress;
}

BatchTensors Trainer::State::tokenise(const Batch& batch) const {
    if (!dataParallel) return tokeniseBatch(batch, batchEncoder, options.hardNegatives);
    return tokeniseShard(batch, batchEncoder, options.hardNegatives, dataParallel->rank(),
                         dataParallel->size());
}

/// A cancel on any rank stops every rank before the same step.
bool Trainer::State::stopRequested() {
    const bool cancelled = cancel.cancelled();
    return dataParallel ? dataParallel->collective().anyRank(cancelled) : cancelled;
}

/// Dropout's generator: the seed on a fresh run (rank r of a data-parallel run: seed + r, so the
/// ranks' shares draw different masks); a resumed single process has the checkpoint's state, a
/// resumed rank other than 0 a state derived from its rank and the step.
void Trainer::State::seedGenerator() {
    const std::uint64_t rank = dataParallel ? static_cast<std::uint64_t>(dataParallel->rank()) : 0;
    if (!restored && completed == 0)
        at::manual_seed(options.seed + rank);
    else if (rank > 0)
        at::manual_seed(options.seed + rank + 1000003u * static_cast<std::uint64_t>(completed));
}

Result<TrainingOutcome> Trainer::train() {
    State& s = *state_;
    configureTrainingThreads(s.options.threads);
    const model::MatmulPrecisionScope precision(s.options.precision);
    if (!s.dataParallel) return s.trainSteps();
    try {
        s.dataParallel->broadcastParameters();
        return s.trainSteps();
    } catch (const CollectiveError& error) {
        TrainingOutcome outcome;
        outcome.end = TrainingEnd::Interrupted;
        outcome.lastStep = s.completed;
        outcome.interruption = error.what();
        return outcome;
    }
}

Result<TrainingOutcome> Trainer::State::trainSteps() {
    seedGenerator();
    encoder->train();
    const bool validating = options.evalEvery > 0 && !validation.empty();
    if (validating && options.selectBy == SelectionMeasure::CrossMrr &&
        (!ranking || ranking->empty()))
        return Error{
            "selecting by the validation cross-lingual MRR needs validation pairs of two "
            "languages or more"};
    TrainingOutcome outcome;
    SessionPace pace;
    bool stopEarly = false;
    while (completed < totalSteps && !stopEarly) {
        if (stopRequested()) {
            outcome.end = TrainingEnd::Cancelled;
            break;
        }
        Result<TrainingProgress> stepped = takeStep(pace);
        if (!stepped) return stepped.error();
        TrainingProgress& progress = stepped.value();
        outcome.lastLoss = progress.loss;
        if (validating && progress.step % options.evalEvery == 0)
            if (Status validated = validate(progress, stopEarly); !validated)
                return validated.error();
        progress.etaSeconds = secondsSince(pace.start) / static_cast<double>(pace.steps) *
                              static_cast<double>(totalSteps - progress.step);
        if (observer) observer(progress);
        notify(this->progress, toProgress(progress));  // the sink, the step just taken
        const bool periodic =
            options.checkpointEvery > 0 && progress.step % options.checkpointEvery == 0;
        if (periodic && progress.step < totalSteps && !stopEarly)
            if (Status saved = checkpoint(); !saved) return saved.error();
    }
    if (stopEarly) outcome.end = TrainingEnd::EarlyStopped;
    if (Status saved = checkpoint(); !saved) return saved.error();
    outcome.lastStep = completed;
    outcome.selectedBy = options.selectBy;
    outcome.bestValidation = bestValidation;
    outcome.bestValidationStep = bestStep;
    outcome.finalCheckpoint = options.checkpointDir.empty() ? std::string() : lastCheckpoint;
    outcome.bestModel = bestModel;
    return outcome;
}

}  // namespace mtrec::train
