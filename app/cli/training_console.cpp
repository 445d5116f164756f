#include "cli/training_console.h"

#include <cmath>
#include <cstdio>
#include <iostream>

#include <unistd.h>

#include "cli/exit_error.h"
#include "cli/progress_printer.h"
#include "report/evaluation_table.h"
#include "train/selection_measure.h"

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

std::string stepText(const Progress& p) {
    char text[256];
    std::snprintf(text, sizeof text, "step %zu/%zu loss %.4f lr %.2e %.1f ex/s ETA %s %s", p.step,
                  p.total, p.loss, p.learningRate, p.examplesPerSecond,
                  duration(p.etaSeconds).c_str(), p.batch.c_str());
    std::string line = text;
    if (p.validationLoss) {
        std::snprintf(text, sizeof text, " val_loss %.4f", *p.validationLoss);
        line += text;
    }
    if (p.validationCrossMrr) {
        std::snprintf(text, sizeof text, " val_cross_mrr %.4f", *p.validationCrossMrr);
        line += text;
    }
    return line;
}

/// The phases that get a line of their own as they begin.
bool announced(Phase phase) {
    switch (phase) {
        case Phase::TrainingTokenizer:
        case Phase::LoadingTokenizer:
        case Phase::BuildingEncoder:
        case Phase::RestoringCheckpoint:
        case Phase::Training:
        case Phase::Evaluating:
            return true;
        default:
            return false;
    }
}

/// A note the run records (where its tokenizer came from, what it trains on, a truncation or
/// checkpoint-interval note, a checkpoint passed over at resume): shown when it is made, before
/// the training it is about.
bool isRunNote(const Progress& p) {
    return !p.message.empty() &&
           (p.phase == Phase::TrainingTokenizer || p.phase == Phase::BuildingEncoder ||
            p.phase == Phase::RestoringCheckpoint);
}

}  // namespace

TrainingConsole::TrainingConsole(std::ostream& out)
    : out_(out),
      terminal_(::isatty(STDERR_FILENO) == 1),
      redraw_([this](const Progress& progress) { draw(progress); }) {}

TrainingConsole::~TrainingConsole() {
    endLine();
}

ProgressSink TrainingConsole::sink() {
    return [this](const Progress& progress) { show(progress); };
}

void TrainingConsole::show(const Progress& p) {
    if (isRunNote(p)) {
        endLine();
        std::cerr << "note: " << p.message << '\n';
        return;
    }
    if (p.phase == Phase::Preparing && !p.outputDir.empty()) {
        std::cerr << "run " << p.runId << ": output folder " << p.outputDir << '\n';
    } else if (announced(p.phase) && p.phase != announced_) {
        endLine();
        announced_ = p.phase;
        std::cerr << phaseName(p.phase) << "...\n";
    }
    if (p.phase == Phase::Training && p.step > 0) step(p);
    if (p.phase == Phase::Embedding || p.phase == Phase::Ranking) evaluation(p);
}

void TrainingConsole::step(const Progress& p) {
    const bool last = p.step == p.total;
    if (terminal_) {
        if (last)
            draw(p);
        else
            redraw_(p);
        return;
    }
    const std::size_t every = std::max<std::size_t>(1, p.total / 20);
    if (p.step % every != 0 && !last && !p.validationLoss && p.step != 1) return;
    std::fprintf(stderr, "%s\n", stepText(p).c_str());
    std::fflush(stderr);
}

void TrainingConsole::draw(const Progress& p) {
    constexpr int kWidth = 20;
    const int filled = p.total ? static_cast<int>(kWidth * p.step / p.total) : 0;
    std::fprintf(stderr, "\r\033[K[%.*s%*s] %s", filled, "####################", kWidth - filled,
                 "", stepText(p).c_str());
    lineOpen_ = true;
    std::fflush(stderr);
}

void TrainingConsole::evaluation(const Progress& p) {
    const std::string label = p.suite + " " + phaseName(p.phase);
    if (label != evaluationLabel_) {
        endLine();
        evaluationProgress_ = std::make_unique<ProgressPrinter>(label, 25);
        evaluationLabel_ = label;
    }
    evaluationProgress_->update(p.done, p.total);
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
    if (outcome.status == store::RunStatus::Interrupted)
        throw ExitError(run + " interrupted: " + outcome.interruption +
                        "\nresume it from its last checkpoint, on any number of processes: mtrec "
                        "runs resume " +
                        std::to_string(outcome.runId));
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
        out_ << "evaluated: " << outcome.evaluatedModel << " ("
             << train::bestDescription(outcome.selectedBy)
             << (outcome.bestValidation ? " " + std::to_string(*outcome.bestValidation) : "")
             << (outcome.bestValidationStep ? ", step " + std::to_string(outcome.bestValidationStep)
                                            : "")
             << ")\n";
    out_ << "results: " << outcome.outputDir << '\n';
}

}  // namespace mtrec::cli
