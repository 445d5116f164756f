#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/change_log.h"
#include "store/database.h"
#include "store/metrics_writer.h"
#include "store/result_repository.h"
#include "store/run_record.h"
#include "store/run_repository.h"
#include "store/training_log.h"

namespace mtrec::store {

inline constexpr const char* kDefaultDatabaseName = "experiments.db";

struct StoreOptions {
    /// ReadWriteCreate creates a missing file; ReadOnly never writes (no migration, no recovery).
    OpenMode mode = OpenMode::ReadWriteCreate;
    int busyTimeoutMs = 5000;
    /// A running run whose heartbeat is older than this is taken for dead (trainers heartbeat far
    /// more often; see RunRepository::heartbeat).
    std::int64_t heartbeatTimeoutMs = 10 * 60 * 1000;
    Clock clock;  ///< Empty = the system clock.
};

/// The experiments database: opening creates or migrates it (see schema.h), switches it to WAL, and
/// marks runs whose process died as interrupted. Owns its connection; repositories it hands out
/// refer to it and stay valid while the store lives (moving the store keeps them valid). One store
/// per thread: the GUI and a training worker each open their own on the same file.
class ExperimentStore {
public:
    /// Errors name the file: missing folder, missing file (unless ReadWriteCreate), not a database,
    /// not an mTREC store, a newer schema, read-only or locked. None of them changes the file.
    static Result<ExperimentStore> open(const std::string& path, const StoreOptions& options = {});

    RunRepository runs() { return RunRepository(*db_, clock_); }
    ResultRepository results() { return ResultRepository(*db_, clock_); }
    TrainingLog trainingLog() { return TrainingLog(*db_); }
    /// What changed since a version (see ChangeLog): how a viewer follows other writers.
    ChangeLog changes() { return ChangeLog(*db_); }
    /// A batched writer for one run's step metrics and telemetry (see MetricsWriter); it must not
    /// outlive the store.
    std::unique_ptr<MetricsWriter> metricsWriter(std::int64_t runId, std::size_t batchRows = 256) {
        return std::make_unique<MetricsWriter>(*db_, runId, batchRows, clock_);
    }

    Result<std::int64_t> createExperiment(const std::string& name, const std::string& description,
                                          const std::string& configJson);
    Result<std::vector<ExperimentRecord>> experiments();

    /// Schema version found in the file before opening migrated it (0 = it was created now).
    int foundSchemaVersion() const { return foundVersion_; }
    /// Runs this opening marked interrupted.
    const std::vector<std::int64_t>& interruptedAtOpen() const { return interrupted_; }
    Database& database() { return *db_; }
    const std::string& path() const { return db_->path(); }
    std::int64_t now() const { return clock_(); }

private:
    ExperimentStore(std::unique_ptr<Database> db, Clock clock)
        : db_(std::move(db)), clock_(std::move(clock)) {}

    std::unique_ptr<Database> db_;  // never null
    Clock clock_;
    int foundVersion_ = 0;
    std::vector<std::int64_t> interrupted_;
};

}  // namespace mtrec::store
