#include "experiment/run_session.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <thread>

#include "experiment/checkpoint_fallback.h"
#include "experiment/checkpoint_interval_note.h"
#include "experiment/encoder_evaluation.h"
#include "experiment/encoder_setup.h"
#include "experiment/evaluated_model.h"
#include "experiment/overlap_guard.h"
#include "experiment/precision_note.h"
#include "experiment/rank_log.h"
#include "experiment/rank_session.h"
#include "experiment/run_recorder.h"
#include "experiment/selection_note.h"
#include "experiment/tokenizer_setup.h"
#include "experiment/trainer_settings.h"
#include "experiment/training_data_note.h"
#include "experiment/truncation_note.h"
#include "model/encoder.h"
#include "store/suite_record.h"
#include "text/batch_encoder.h"
#include "train/checkpoint.h"
#include "train/collective.h"
#include "train/sampler_factory.h"
#include "train/trainer.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

std::size_t effectiveThreads(std::size_t threads) {
    return threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

/// The run note of a data-parallel session (a resume may run on another number of processes).
std::string dataParallelNote(int processes) {
    return "data-parallel on " + std::to_string(processes) +
           " processes: each step's global batch divided among them; step logs rank-<r>.jsonl "
           "in the run folder";
}

}  // namespace

RunSession::RunSession(store::ExperimentStore& store, std::int64_t runId, TrainingConfig config,
                       TrainingData data, RunFolder folder, const TrainingRunOptions& options,
                       const ProgressSink& progress, const CancelToken& cancel)
    : store_(store),
      runId_(runId),
      config_(std::move(config)),
      data_(std::move(data)),
      folder_(std::move(folder)),
      options_(options),
      progress_(progress),
      cancel_(cancel) {
    outcome_.runId = runId_;
    outcome_.outputDir = folder_.root().string();
}

RunSession::~RunSession() = default;

void RunSession::phase(Phase phase) const {
    Progress progress;
    progress.phase = phase;
    progress.runId = runId_;
    notify(progress_, progress);
}

/// Another rank stopped: the run waits, interrupted, for `mtrec runs resume` on any world size.
Result<TrainingRunOutcome> RunSession::interrupted(const std::string& reason) {
    if (rankLog_) rankLog_->event("ended interrupted: " + reason);
    if (Status marked = store_.runs().interrupt(runId_, reason); !marked) return marked.error();
    outcome_.status = store::RunStatus::Interrupted;
    outcome_.interruption = reason;
    phase(Phase::Done);
    return outcome_;
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
    } catch (const train::CollectiveError& error) {  // handing the run over to the other ranks
        return interrupted(error.what());
    } catch (const std::exception& error) {
        return failRun(std::string("internal error: ") + error.what());
    }
}

Status RunSession::build(bool resume) {
    if (train::Collective* collective = options_.collective.get()) {
        handOverRun(*collective, runId_, folder_.root(), config_);
        Result<RankLog> log = RankLog::open(folder_.root(), collective->rank());
        if (!log) return log.error();
        rankLog_ = std::make_unique<RankLog>(std::move(log).value());
        rankLog_->event("rank 0 of " + std::to_string(collective->size()) + " started run " +
                        std::to_string(runId_));
        if (Status noted = note(Phase::BuildingEncoder, dataParallelNote(collective->size()));
            !noted)
            return noted;
    }
    // Every session: a resume may run on another machine.
    if (Status noted = note(Phase::BuildingEncoder,
                            precisionNote(config_.precision, model::cpuHasNativeBf16()));
        !noted)
        return noted;
    phase(config_.tokenizer.train ? Phase::TrainingTokenizer : Phase::LoadingTokenizer);
    Result<RunTokenizer> tokenizer = buildTokenizer(config_, data_, {}, folder_.tokenizerModel(),
                                                    folder_.tokenizerCache(), resume);
    if (!tokenizer) return tokenizer.error();
    tokenizer_ = std::move(tokenizer.value().tokenizer);
    if (options_.collective) handOverTokenizer(*options_.collective);
    if (Status noted = note(Phase::TrainingTokenizer, tokenizer.value().note); !noted)
        return noted;
    if (!resume)
        if (Status noted = note(Phase::BuildingEncoder, trainingDataNote(data_)); !noted)
            return noted;
    batchEncoder_ = std::make_unique<text::BatchEncoder>(*tokenizer_, config_.tokenizer.encoding);
    if (!resume)
        for (const std::string& said : {truncationNote(data_.train, *batchEncoder_),
                                        checkpointIntervalNote(config_.optimizer)})
            if (Status noted = note(Phase::BuildingEncoder, said); !noted) return noted;

    phase(Phase::BuildingEncoder);
    Result<model::Encoder> encoder = buildEncoder(config_, *tokenizer_, {});
    if (!encoder) return encoder.error();
    encoder_ = encoder.value();
    sampler_ =
        train::makeSampler(config_.strategy, {&data_.train, &data_.translation}, config_.seed);
    trainer_ = std::make_unique<train::Trainer>(encoder_, *batchEncoder_, *sampler_,
                                                trainerOptions(config_, data_, folder_, options_));
    setValidation(*trainer_, config_, data_);
    recorder_ = std::make_unique<RunRecorder>(store_, runId_, config_.optimizer.checkpointEvery,
                                              options_.pausePoints);
    connectTrainer();
    if (resume)
        if (Status restored = restore(); !restored) return restored;
    if (options_.collective) handOverCheckpoint(*options_.collective, restoredCheckpoint_);
    return success();
}

/// Records a line as a run note (where a trained tokenizer came from, what the run trains on) and
/// reports it in `phase`.
Status RunSession::note(Phase phase, const std::string& note) {
    if (note.empty()) return success();
    if (Result<std::int64_t> added = store_.runs().addNote(runId_, note); !added)
        return added.error();
    Progress progress;
    progress.phase = phase;
    progress.runId = runId_;
    progress.message = note;
    notify(progress_, progress);
    return success();
}

/// Restores the newest whole checkpoint of the run folder (none: the run starts over; a damaged
/// newer one is passed over and noted on the run) and drops what the log holds beyond its step.
Status RunSession::restore() {
    if (folder_.latestCheckpoint()) phase(Phase::RestoringCheckpoint);
    Result<RestoredCheckpoint> restored =
        restoreNewestWhole(folder_.checkpoints().string(), [this](const std::string& folder) {
            Status resumed = trainer_->resume(folder);
            if (resumed) restoredCheckpoint_ = folder;
            return resumed;
        });
    if (!restored) return restored.error();
    if (Status noted = note(Phase::RestoringCheckpoint, restored.value().note()); !noted)
        return noted;
    outcome_.resumedFromStep = trainer_->completedSteps();
    return store_.trainingLog().discardAfter(runId_,
                                             static_cast<std::int64_t>(outcome_.resumedFromStep));
}

/// Every step goes to the recorder (not throttled); a cancel or a recording failure stops the
/// trainer before its next batch.
void RunSession::observeStep(const train::TrainingProgress& step) {
    if (cancel_.cancelled() || recorder_->stopRequested()) stop_.cancel();
    recorder_->step(step, stop_.cancelled());
    if (rankLog_) rankLog_->step(step);
}

void RunSession::connectTrainer() {
    trainer_->setStepObserver([this](const train::TrainingProgress& step) { observeStep(step); });
    trainer_->setProgressSink([this](const Progress& progress) {
        if (progress.phase == Phase::Checkpointing) {
            recorder_->checkpoint(progress.checkpoint);
            outcome_.checkpoint = progress.checkpoint;
        }
        Progress reported = progress;
        reported.runId = runId_;
        notify(progress_, reported);
    });
    trainer_->setCancelToken(stop_);
}

Result<train::TrainingOutcome> RunSession::train() {
    Progress started;
    started.phase = Phase::Training;
    started.runId = runId_;
    started.done = trainer_->completedSteps();
    started.total = trainer_->totalSteps();
    notify(progress_, started);
    if (cancel_.cancelled()) stop_.cancel();
    Result<train::TrainingOutcome> trained = trainer_->train();
    if (!trained) return trained;
    if (Status flushed = recorder_->flush(); !flushed)
        return Error{"recording the run in " + store_.path() +
                     " failed: " + flushed.error().message};
    const train::TrainingOutcome& outcome = trained.value();
    outcome_.steps = outcome.lastStep;
    outcome_.stoppedEarly = outcome.end == train::TrainingEnd::EarlyStopped;
    if (outcome.lastStep > outcome_.resumedFromStep) outcome_.lastLoss = outcome.lastLoss;
    outcome_.selectedBy = outcome.selectedBy;
    outcome_.bestValidation = outcome.bestValidation;
    outcome_.bestValidationStep = outcome.bestValidationStep;
    if (!outcome.finalCheckpoint.empty()) outcome_.checkpoint = outcome.finalCheckpoint;
    return trained;
}

Status RunSession::recordContamination(const std::vector<data::RetrievalSuite>& suites) {
    // The check before the run refused every overlap the config did not allow.
    const std::string source = trainingSourceOf(config_.data);
    for (const SuiteOverlap& overlap : sharedWith(trainingTextsOf(data_), suites))
        if (Status recorded =
                store_.results().recordContamination(runId_, contaminationRecord(overlap, source));
            !recorded)
            return recorded;
    return success();
}

/// note(), unless the run already has a note with this text (a run killed while evaluating
/// evaluates again).
Status RunSession::noteOnce(Phase phase, const std::string& text) {
    Result<std::vector<store::Note>> notes = store_.runs().notes(runId_);
    if (!notes) return notes.error();
    for (const store::Note& existing : notes.value())
        if (existing.text == text) return success();
    return note(phase, text);
}

Status RunSession::evaluate() {
    phase(Phase::LoadingModel);
    if (Status noted = noteOnce(Phase::LoadingModel,
                                selectionNote(outcome_.selectedBy, outcome_.bestValidation,
                                              outcome_.bestValidationStep, outcome_.steps));
        !noted)
        return noted;
    Result<EvaluatedModel> model = loadEvaluatedModel(folder_, config_);
    if (!model) return model.error();
    outcome_.evaluatedModel = model.value().folder;
    options_.pausePoints.reach("evaluation");
    phase(Phase::Evaluating);
    EncoderEvaluationOptions options;
    options.threads = static_cast<int>(effectiveThreads(config_.threads));
    options.runId = "run-" + std::to_string(runId_);
    options.precision = config_.precision;
    options.outputDir = folder_.results().string();
    options.cancel = cancel_;
    options.progress = [this](const Progress& progress) {
        recorder_->heartbeat();
        Progress reported = progress;
        reported.runId = runId_;
        notify(progress_, reported);
    };
    Result<EncoderEvaluation> evaluated = evaluateEncoder(
        config_.evaluation, {}, *model.value().encoder, *model.value().batchEncoder, options);
    if (!evaluated) return evaluated.error();
    if (Status recorded = recordContamination(evaluated.value().suites); !recorded) return recorded;
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
    if (trained.end == train::TrainingEnd::Interrupted) return interrupted(trained.interruption);
    const bool cancelled = trained.end == train::TrainingEnd::Cancelled;
    if (!cancelled && !config_.evaluation.empty())
        if (Status evaluated = evaluate(); !evaluated && !cancel_.cancelled())
            return failRun(evaluated.error().message);
    if (cancelled || cancel_.cancelled()) {
        if (Status done = store_.runs().cancel(runId_); !done) return done.error();
        outcome_.status = store::RunStatus::Cancelled;
    } else {
        if (Status done = store_.runs().finish(runId_); !done) return done.error();
        outcome_.status = store::RunStatus::Finished;
    }
    phase(Phase::Done);
    return outcome_;
}

}  // namespace mtrec::experiment
