#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"
#include "store/process_identity.h"

namespace mtrec::store {

/// One optimizer step's numbers.
struct StepMetric {
    std::int64_t step = 0;
    double epoch = 0.0;  ///< Fractional epochs done.
    double loss = 0.0;
    double lr = 0.0;
    double examplesPerSecond = 0.0;
    std::optional<double> validationLoss;  ///< Only on steps that validated.
    /// The held-out cross-lingual MRR, on steps that validated with cross-lingual pairs.
    std::optional<double> validationCrossMrr;
};

/// What one batch (or one homogeneous part of it) was made of. A `cross` batch with a language pair
/// drawn per pair may log one row per pair kind with `pairs` counting it.
struct BatchTelemetry {
    std::int64_t step = 0;
    std::string branch;                    ///< "mono", "cross", "mixed", or the multitask task kind
    std::string task;                      ///< multitask task name; empty otherwise
    std::optional<std::string> queryLang;  ///< nullopt = not one language
    std::optional<std::string> candLang;
    std::int64_t pairs = 0;
};

/// Buffers step metrics and batch telemetry of one run and writes them in one transaction per
/// `batchRows` rows (or at flush()). A step metric logged twice replaces the earlier row; telemetry
/// rows are only appended, so a resumed run first calls TrainingLog::discardAfter(checkpoint step).
/// Uses the store's connection: create it on the thread that owns the store (the training worker's
/// own store); not thread-safe. The destructor flushes and drops a failure; call flush() to see it.
class MetricsWriter {
public:
    MetricsWriter(Database& db, std::int64_t runId, std::size_t batchRows, Clock clock);
    ~MetricsWriter();
    MetricsWriter(const MetricsWriter&) = delete;
    MetricsWriter& operator=(const MetricsWriter&) = delete;

    /// Buffers the row; writes the buffer when it holds batchRows rows (returning that write's
    /// error).
    Status add(const StepMetric& metric);
    Status add(const BatchTelemetry& telemetry);
    /// Writes what is buffered. On failure the rows stay buffered so a later flush can retry.
    Status flush();
    std::size_t pending() const { return steps_.size() + telemetry_.size(); }

private:
    Status flushIfFull();

    Database& db_;
    std::int64_t runId_;
    std::size_t batchRows_;
    Clock clock_;
    std::vector<std::pair<StepMetric, std::int64_t>> steps_;  // with the time it was added (ms)
    std::vector<BatchTelemetry> telemetry_;
};

}  // namespace mtrec::store
