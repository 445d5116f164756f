#include "cli/json_progress.h"

#include <nlohmann/json.hpp>

#include "cli/exit_error.h"

namespace mtrec::cli {

JsonProgress::JsonProgress(std::ostream& out)
    : out_(out), throttle_([this](const Progress& progress) { write(progress); }) {}

ProgressSink JsonProgress::sink() {
    return [this](const Progress& progress) {
        if (progress.runIndex != runIndex_) runId_ = 0;  // a protocol's next run
        runIndex_ = progress.runIndex;
        if (progress.runId != 0) runId_ = progress.runId;
        throttle_(progress);
    };
}

void JsonProgress::write(const Progress& p) {
    nlohmann::json line = {{"run_id", runId_},
                           {"phase", phaseName(p.phase)},
                           {"done", p.done},
                           {"total", p.total},
                           {"step", p.step},
                           {"loss", p.loss},
                           {"lr", p.learningRate},
                           {"examples_per_second", p.examplesPerSecond},
                           {"eta_seconds", p.etaSeconds},
                           {"suite", p.suite}};
    if (p.validationLoss) line["validation_loss"] = *p.validationLoss;
    if (p.validationCrossMrr) line["validation_cross_mrr"] = *p.validationCrossMrr;
    if (!p.checkpoint.empty()) line["checkpoint"] = p.checkpoint;
    if (!p.message.empty()) line["message"] = p.message;
    if (p.runCount > 0) {
        line["run_index"] = p.runIndex;
        line["run_count"] = p.runCount;
    }
    out_ << line.dump() << '\n' << std::flush;
}

void JsonProgress::end(const std::string& status, const std::string& message,
                       const nlohmann::json& extra) {
    throttle_.flush();
    nlohmann::json line = {{"run_id", runId_}, {"end", true}, {"status", status}};
    if (!message.empty()) line["message"] = message;
    for (const auto& [key, value] : extra.items()) line[key] = value;
    out_ << line.dump() << '\n' << std::flush;
}

void JsonProgress::report(const Result<experiment::TrainingRunOutcome>& outcome) {
    if (!outcome)
        end("failed", outcome.error().message);
    else
        end(std::string(store::statusName(outcome.value().status)),
            outcome.value().interruption);
    if (!outcome) throw ExitError(outcome.error().message);
    if (outcome.value().status == store::RunStatus::Interrupted)
        throw ExitError("run " + std::to_string(runId_) + " interrupted after step " +
                        std::to_string(outcome.value().steps) + ": " +
                        outcome.value().interruption);
    if (outcome.value().status == store::RunStatus::Cancelled)
        throw ExitError("run " + std::to_string(runId_) + " cancelled after step " +
                        std::to_string(outcome.value().steps));
}

}  // namespace mtrec::cli
