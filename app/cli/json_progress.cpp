#include "cli/json_progress.h"

#include <nlohmann/json.hpp>

#include "cli/exit_error.h"

namespace mtrec::cli {

JsonProgress::JsonProgress(std::ostream& out)
    : out_(out), throttle_([this](const Progress& progress) { write(progress); }) {}

ProgressSink JsonProgress::sink() {
    return [this](const Progress& progress) {
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
    if (!p.checkpoint.empty()) line["checkpoint"] = p.checkpoint;
    if (!p.message.empty()) line["message"] = p.message;
    out_ << line.dump() << '\n' << std::flush;
}

void JsonProgress::report(const Result<experiment::TrainingRunOutcome>& outcome) {
    throttle_.flush();
    nlohmann::json end = {{"run_id", runId_}, {"end", true}};
    if (!outcome) {
        end["status"] = "failed";
        end["message"] = outcome.error().message;
    } else {
        const bool cancelled = outcome.value().status == store::RunStatus::Cancelled;
        end["status"] = cancelled ? "cancelled" : "finished";
    }
    out_ << end.dump() << '\n' << std::flush;
    if (!outcome) throw ExitError(outcome.error().message);
    if (outcome.value().status == store::RunStatus::Cancelled)
        throw ExitError("run " + std::to_string(runId_) + " cancelled after step " +
                        std::to_string(outcome.value().steps));
}

}  // namespace mtrec::cli
