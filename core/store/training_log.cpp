#include "store/training_log.h"

#include "store/change_log.h"
#include "store/sql_guard.h"

namespace mtrec::store {

Result<std::vector<StepMetric>> TrainingLog::steps(std::int64_t runId, std::int64_t afterStep) {
    return guarded<Result<std::vector<StepMetric>>>([&]() -> Result<std::vector<StepMetric>> {
        Statement query = db_.prepare(
            "SELECT step, epoch, loss, lr, examples_per_s, val_loss, val_cross_mrr "
            "FROM step_metrics "
            "WHERE run_id = ?1 AND step > ?2 ORDER BY step");
        query.bind(1, runId).bind(2, afterStep);
        std::vector<StepMetric> out;
        while (query.step())
            out.push_back({query.int64(0), query.real(1), query.real(2), query.real(3),
                           query.real(4), query.optionalReal(5), query.optionalReal(6)});
        return out;
    });
}

Result<StepCurves> TrainingLog::curves(std::int64_t runId, std::int64_t afterStep) {
    return guarded<Result<StepCurves>>([&]() -> Result<StepCurves> {
        // The last step comes first, in the same statement, so both describe one snapshot.
        Statement query = db_.prepare(
            "SELECT step, loss, lr, examples_per_s, epoch, val_loss, val_cross_mrr, "
            "(SELECT max(step) FROM step_metrics WHERE run_id = ?1) FROM step_metrics "
            "WHERE run_id = ?1 AND step > ?2 ORDER BY step");
        query.bind(1, runId).bind(2, afterStep);
        StepCurves curves;
        while (query.step()) {
            const std::int64_t step = query.int64(0);
            curves.steps.push_back(step);
            curves.loss.push_back(query.real(1));
            curves.learningRate.push_back(query.real(2));
            curves.examplesPerSecond.push_back(query.real(3));
            curves.epoch.push_back(query.real(4));
            if (std::optional<double> validation = query.optionalReal(5)) {
                curves.validationSteps.push_back(step);
                curves.validationLoss.push_back(*validation);
            }
            if (std::optional<double> mrr = query.optionalReal(6)) {
                curves.crossMrrSteps.push_back(step);
                curves.validationCrossMrr.push_back(*mrr);
            }
            curves.lastStep = query.optionalInt64(7);
        }
        if (curves.steps.empty()) {
            Result<std::optional<std::int64_t>> last = lastStep(runId);
            if (!last) return last.error();
            curves.lastStep = last.value();
        }
        return curves;
    });
}

Result<std::vector<BatchTelemetry>> TrainingLog::telemetry(std::int64_t runId,
                                                           std::int64_t afterStep) {
    return guarded<Result<std::vector<BatchTelemetry>>>(
        [&]() -> Result<std::vector<BatchTelemetry>> {
            Statement query = db_.prepare(
                "SELECT step, branch, task, query_lang, cand_lang, pairs FROM batch_telemetry "
                "WHERE run_id = ?1 AND step > ?2 ORDER BY step, rowid");
            query.bind(1, runId).bind(2, afterStep);
            std::vector<BatchTelemetry> out;
            while (query.step())
                out.push_back({query.int64(0), query.text(1), query.text(2), query.optionalText(3),
                               query.optionalText(4), query.int64(5)});
            return out;
        });
}

Result<std::vector<TrainedPairCount>> TrainingLog::trainedPairs(std::int64_t runId) {
    return guarded<Result<std::vector<TrainedPairCount>>>(
        [&]() -> Result<std::vector<TrainedPairCount>> {
            Statement query = db_.prepare(
                "SELECT query_lang, cand_lang, sum(pairs) FROM batch_telemetry "
                "WHERE run_id = ?1 AND query_lang IS NOT NULL AND cand_lang IS NOT NULL "
                "GROUP BY query_lang, cand_lang ORDER BY query_lang, cand_lang");
            query.bind(1, runId);
            std::vector<TrainedPairCount> out;
            while (query.step()) out.push_back({query.text(0), query.text(1), query.int64(2)});
            return out;
        });
}

Result<std::vector<BranchCount>> TrainingLog::branchMix(std::int64_t runId) {
    return guarded<Result<std::vector<BranchCount>>>([&]() -> Result<std::vector<BranchCount>> {
        Statement query = db_.prepare(
            "SELECT branch, task, count(DISTINCT step), sum(pairs) FROM batch_telemetry "
            "WHERE run_id = ?1 GROUP BY branch, task ORDER BY branch, task");
        query.bind(1, runId);
        std::vector<BranchCount> out;
        while (query.step())
            out.push_back({query.text(0), query.text(1), query.int64(2), query.int64(3)});
        return out;
    });
}

Result<std::optional<std::int64_t>> TrainingLog::lastStep(std::int64_t runId) {
    return guarded<Result<std::optional<std::int64_t>>>(
        [&]() -> Result<std::optional<std::int64_t>> {
            Statement query = db_.prepare("SELECT max(step) FROM step_metrics WHERE run_id = ?1");
            query.bind(1, runId);
            query.step();
            return query.optionalInt64(0);
        });
}

Status TrainingLog::discardAfter(std::int64_t runId, std::int64_t step) {
    return guarded<Status>([&]() -> Status {
        Transaction transaction(db_);
        db_.prepare("DELETE FROM step_metrics WHERE run_id = ?1 AND step > ?2")
            .bind(1, runId)
            .bind(2, step)
            .run();
        db_.prepare("DELETE FROM batch_telemetry WHERE run_id = ?1 AND step > ?2")
            .bind(1, runId)
            .bind(2, step)
            .run();
        touchRun(db_, runId);
        transaction.commit();
        return success();
    });
}

}  // namespace mtrec::store
