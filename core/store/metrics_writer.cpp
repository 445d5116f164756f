#include "store/metrics_writer.h"

#include "store/change_log.h"
#include "store/sql_guard.h"

namespace mtrec::store {

MetricsWriter::MetricsWriter(Database& db, std::int64_t runId, std::size_t batchRows, Clock clock)
    : db_(db),
      runId_(runId),
      batchRows_(batchRows == 0 ? 1 : batchRows),
      clock_(std::move(clock)) {}

MetricsWriter::~MetricsWriter() {
    // A destructor cannot report; callers that care call flush() first.
    if (pending() > 0) static_cast<void>(flush());
}

Status MetricsWriter::add(const StepMetric& metric) {
    steps_.emplace_back(metric, clock_());
    return flushIfFull();
}

Status MetricsWriter::add(const BatchTelemetry& telemetry) {
    telemetry_.push_back(telemetry);
    return flushIfFull();
}

Status MetricsWriter::flushIfFull() {
    if (pending() < batchRows_) return success();
    return flush();
}

Status MetricsWriter::flush() {
    if (pending() == 0) return success();
    Status written = guarded<Status>([&]() -> Status {
        Transaction transaction(db_);
        if (!steps_.empty()) {
            Statement insert = db_.prepare(
                "INSERT OR REPLACE INTO step_metrics(run_id, step, epoch, loss, lr, "
                "examples_per_s, "
                "val_loss, val_cross_mrr, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                "?9)");
            for (const auto& [m, at] : steps_) {
                insert.bind(1, runId_)
                    .bind(2, m.step)
                    .bind(3, m.epoch)
                    .bind(4, m.loss)
                    .bind(5, m.lr);
                insert.bind(6, m.examplesPerSecond).bind(7, m.validationLoss);
                insert.bind(8, m.validationCrossMrr).bind(9, at).run();
                insert.reset();
            }
        }
        if (!telemetry_.empty()) {
            Statement insert = db_.prepare(
                "INSERT INTO batch_telemetry(run_id, step, branch, task, query_lang, cand_lang, "
                "pairs) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            for (const BatchTelemetry& t : telemetry_) {
                insert.bind(1, runId_).bind(2, t.step).bind(3, t.branch).bind(4, t.task);
                insert.bind(5, t.queryLang).bind(6, t.candLang).bind(7, t.pairs).run();
                insert.reset();
            }
        }
        touchRun(db_, runId_);
        transaction.commit();
        return success();
    });
    if (written) {
        steps_.clear();
        telemetry_.clear();
    }
    return written;
}

}  // namespace mtrec::store
