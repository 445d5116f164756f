#include "cli/training_console.h"

#include <cmath>
#include <cstdio>
#include <iostream>

#include <unistd.h>

#include "cli/exit_error.h"
#include "cli/progress_printer.h"
#include "report/evaluation_table.h"

namespace mtrec::cli {
namespace {

std::string duration(double seconds) {
    const long total = std::lround(std::max(0.0, seconds));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ldh%02ldm", total / 3600, total / 60 % 60);
    else if (total >= 60)
        std::snprintf(text, sizeof text, "%ldm%02lds", total / 60, total % 60);
    else
        std::snprintf(text, sizeof text, "%lds", total);
    return text;
}

std::string stepText(const train::TrainingProgress& p) {
    char text[256];
    std::snprintf(text, sizeof text, "step %zu/%zu loss %.4f lr %.2e %.1f ex/s ETA %s %s", p.step,
                  p.totalSteps, p.loss, p.lr, p.examplesPerSecond, duration(p.etaSeconds).c_str(),
                  p.kind.label().c_str());
    std::string line = text;
    if (p.validationLoss) {
        std::snprintf(text, sizeof text, " val_loss %.4f", *p.validationLoss);
        line += text;
    }
    return line;
}

}  // namespace

TrainingConsole::TrainingConsole(std::ostream& out)
    : out_(out), terminal_(::isatty(STDERR_FILENO) == 1) {}

TrainingConsole::~TrainingConsole() {
    endLine();
}

experiment::TrainingRunCallbacks TrainingConsole::callbacks() {
    experiment::TrainingRunCallbacks callbacks;
    callbacks.onCreated = [this](std::int64_t runId, const std::string& outputDir) {
        std::cerr << "run " << runId << ": output folder " << outputDir << '\n';
    };
    callbacks.onPhase = [this](const std::string& phase) {
        endLine();
        std::cerr << phase << "...\n";
    };
    callbacks.onStep = [this](const train::TrainingProgress& progress) { step(progress); };
    callbacks.onEvaluation = [this](const std::string& suite, const std::string& what,
                                    std::size_t done,
                                    std::size_t total) { evaluation(suite, what, done, total); };
    return callbacks;
}

void TrainingConsole::step(const train::TrainingProgress& p) {
    const bool last = p.step == p.totalSteps;
    if (terminal_) {
        const auto now = std::chrono::steady_clock::now();
        if (!last && now - lastDraw_ < std::chrono::milliseconds(100)) return;
        lastDraw_ = now;
        constexpr int kWidth = 20;
        const int filled = p.totalSteps ? static_cast<int>(kWidth * p.step / p.totalSteps) : 0;
        std::fprintf(stderr, "\r\033[K[%.*s%*s] %s", filled, "####################",
                     kWidth - filled, "", stepText(p).c_str());
        lineOpen_ = true;
    } else {
        const std::size_t every = std::max<std::size_t>(1, p.totalSteps / 20);
        if (p.step % every != 0 && !last && !p.validationLoss && p.step != 1) return;
        std::fprintf(stderr, "%s\n", stepText(p).c_str());
    }
    std::fflush(stderr);
}

void TrainingConsole::evaluation(const std::string& suite, const std::string& what,
                                 std::size_t done, std::size_t total) {
    const std::string label = suite + " " + what;
    if (label != evaluationLabel_) {
        endLine();
        evaluationProgress_ = std::make_unique<ProgressPrinter>(label, 25);
        evaluationLabel_ = label;
    }
    evaluationProgress_->update(done, total);
}

void TrainingConsole::endLine() {
    if (evaluationProgress_) evaluationProgress_->finish();
    if (lineOpen_) std::fputc('\n', stderr);
    lineOpen_ = false;
}

void TrainingConsole::report(const Result<experiment::TrainingRunOutcome>& result) {
    endLine();
    evaluationProgress_.reset();
    if (!result) throw ExitError(result.error().message);
    const experiment::TrainingRunOutcome& outcome = result.value();
    for (const std::string& note : outcome.notes) std::cerr << "note: " << note << '\n';
    for (const eval::SuiteEvaluation& evaluation : outcome.evaluations)
        out_ << report::formatEvaluationTable(evaluation) << '\n';
    const std::string run = "run " + std::to_string(outcome.runId);
    if (outcome.status == store::RunStatus::Cancelled)
        throw ExitError(run + " cancelled after step " + std::to_string(outcome.steps) +
                        (outcome.checkpoint.empty()
                             ? std::string()
                             : "; checkpoint kept in " + outcome.checkpoint));
    out_ << run << " finished after " << outcome.steps << " steps";
    if (outcome.resumedFromStep > 0)
        out_ << " (resumed from step " << outcome.resumedFromStep << ")";
    if (outcome.lastLoss) out_ << ", last loss " << *outcome.lastLoss;
    if (outcome.stoppedEarly) out_ << ", stopped early";
    out_ << "\ncheckpoint: " << outcome.checkpoint << '\n';
    if (!outcome.evaluatedModel.empty() && outcome.evaluatedModel != outcome.checkpoint)
        out_ << "evaluated: " << outcome.evaluatedModel << " (lowest validation loss"
             << (outcome.bestValidationLoss ? " " + std::to_string(*outcome.bestValidationLoss)
                                            : "")
             << ")\n";
    out_ << "results: " << outcome.outputDir << '\n';
}

}  // namespace mtrec::cli
