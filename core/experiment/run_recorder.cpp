#include "experiment/run_recorder.h"

#include <cstring>

#include <sqlite3.h>

namespace mtrec::experiment {
namespace {

std::optional<std::string> language(const std::string& code) {
    if (code.empty() || code == train::kAnyLanguage) return std::nullopt;
    return code;
}

}  // namespace

/// Crash tests: "metric-write" pauses inside a metrics transaction, at its first telemetry row (its
/// step metrics are written by then; step_metrics is a WITHOUT ROWID table, which SQLite's update
/// hook does not report). pauseArmed_ is re-set after every write.
void RunRecorder::pauseInMetricsTransaction(void* recorder, int, const char*, const char* table,
                                            long long) {
    RunRecorder& self = *static_cast<RunRecorder*>(recorder);
    if (!self.pauseArmed_ || std::strcmp(table, "batch_telemetry") != 0) return;
    self.pauseArmed_ = false;
    self.pause_.reach("metric-write");
}

RunRecorder::RunRecorder(store::ExperimentStore& store, std::int64_t runId,
                         std::size_t checkpointEvery, PausePoints pause,
                         std::chrono::milliseconds heartbeatEvery)
    : store_(store),
      runId_(runId),
      checkpointEvery_(checkpointEvery),
      heartbeatEvery_(heartbeatEvery),
      lastHeartbeat_(std::chrono::steady_clock::now()),
      writer_(store.metricsWriter(runId)),
      pause_(std::move(pause)) {
    if (pause_.requested("metric-write")) installPauseHook();
}

RunRecorder::~RunRecorder() {
    writer_.reset();
    if (pauseHook_) sqlite3_update_hook(store_.database().handle(), nullptr, nullptr);
}

void RunRecorder::installPauseHook() {
    sqlite3_update_hook(store_.database().handle(), &RunRecorder::pauseInMetricsTransaction, this);
    pauseHook_ = true;
    pauseArmed_ = true;
}

void RunRecorder::keep(const Status& status) {
    pauseArmed_ = pauseHook_;  // a transaction, if any, has ended
    if (!status && !failure_) failure_ = status.error();
}

void RunRecorder::step(const train::TrainingProgress& progress, bool stopping) {
    store::StepMetric metric;
    metric.step = static_cast<std::int64_t>(progress.step);
    metric.epoch = progress.epoch;
    metric.loss = progress.loss;
    metric.lr = progress.lr;
    metric.examplesPerSecond = progress.examplesPerSecond;
    metric.validationLoss = progress.validationLoss;
    metric.validationCrossMrr = progress.validationCrossMrr;
    keep(writer_->add(metric));

    store::BatchTelemetry telemetry;
    telemetry.step = metric.step;
    telemetry.branch = progress.kind.branch;
    telemetry.task = progress.kind.task;
    if (progress.languagePairs.empty()) {
        telemetry.queryLang = language(progress.kind.queryLang);
        telemetry.candLang = language(progress.kind.candidateLang);
        telemetry.pairs = static_cast<std::int64_t>(progress.pairs);
        keep(writer_->add(telemetry));
    }
    for (const train::LanguagePairCount& count : progress.languagePairs) {
        telemetry.queryLang = language(count.queryLang);
        telemetry.candLang = language(count.passageLang);
        telemetry.pairs = count.pairs;
        keep(writer_->add(telemetry));
    }
    pause_.reach("step");

    const bool checkpointFollows = stopping || progress.step == progress.totalSteps ||
                                   progress.validationLoss ||
                                   (checkpointEvery_ > 0 && progress.step % checkpointEvery_ == 0);
    if (checkpointFollows) keep(writer_->flush());
    heartbeat();
}

void RunRecorder::checkpoint(const std::string& folder) {
    pause_.reach("checkpoint-save");
    keep(writer_->flush());
    keep(store_.runs().setCheckpoint(runId_, folder));
}

void RunRecorder::heartbeat() {
    const auto now = std::chrono::steady_clock::now();
    if (now - lastHeartbeat_ < heartbeatEvery_) return;
    lastHeartbeat_ = now;
    keep(store_.runs().heartbeat(runId_));
}

Status RunRecorder::flush() {
    keep(writer_->flush());
    if (failure_) return *failure_;
    return success();
}

}  // namespace mtrec::experiment
