#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/pause_point.h"
#include "common/result.h"
#include "store/experiment_store.h"
#include "train/training_progress.h"

namespace mtrec::experiment {

/// Records one training run's progress in the store, on the thread that trains (it uses that
/// store's connection): every step's metrics, and its batch telemetry as one row per language pair
/// of the batch, through the batched MetricsWriter; a heartbeat every `heartbeatEvery`; each
/// checkpoint's folder. The buffered rows are written before every checkpoint the trainer is about
/// to take (steps that are a multiple of checkpointEvery, the last step, validation steps, a stop),
/// so the database never lags behind a checkpoint on disk and a resume loses no step.
///
/// The first failure (a write that fails, a heartbeat refused because another process took the run
/// for dead) is kept; from then on stopRequested() is true and the trainer should be stopped.
/// Borrows the store, which must outlive the recorder. Crash tests pause at "step" (a step's rows
/// buffered), "metric-write" (inside a metrics transaction, at its first telemetry row) and
/// "checkpoint-save" (a checkpoint on disk, not yet recorded).
class RunRecorder {
public:
    RunRecorder(store::ExperimentStore& store, std::int64_t runId, std::size_t checkpointEvery,
                PausePoints pause = {},
                std::chrono::milliseconds heartbeatEvery = std::chrono::seconds(5));
    ~RunRecorder();
    RunRecorder(const RunRecorder&) = delete;
    RunRecorder& operator=(const RunRecorder&) = delete;

    /// Buffers the step; `stopping` says the trainer stops (and checkpoints) after this step.
    void step(const train::TrainingProgress& progress, bool stopping);
    /// A checkpoint folder was written: flushes and records it as the run's checkpoint.
    void checkpoint(const std::string& folder);
    /// Sends a heartbeat when the last one is older than heartbeatEvery (also during evaluation).
    void heartbeat();
    /// Writes what is buffered; the kept failure, if any.
    Status flush();

    bool stopRequested() const { return failure_.has_value(); }
    const std::optional<Error>& failure() const { return failure_; }

private:
    void keep(const Status& status);
    void installPauseHook();
    static void pauseInMetricsTransaction(void* recorder, int, const char*, const char* table,
                                          long long);

    store::ExperimentStore& store_;
    std::int64_t runId_;
    std::size_t checkpointEvery_;
    std::chrono::milliseconds heartbeatEvery_;
    std::chrono::steady_clock::time_point lastHeartbeat_;
    std::unique_ptr<store::MetricsWriter> writer_;
    std::optional<Error> failure_;
    PausePoints pause_;
    bool pauseHook_ = false;  // crash tests only ("metric-write")
    bool pauseArmed_ = false;
};

}  // namespace mtrec::experiment
