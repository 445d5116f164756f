#include "cli/eval_command.h"

#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/exit_error.h"
#include "cli/progress_printer.h"
#include "experiment/config_choices.h"
#include "experiment/evaluation_job.h"
#include "experiment/scorer_factory.h"
#include "experiment/suite_loader.h"
#include "report/evaluation_table.h"

namespace mtrec::cli {
namespace {

struct EvalOptions {
    experiment::EvaluationJobOptions job;
    std::string depth = "100";
    std::string precision = "fp32";
};

std::size_t parseDepth(const std::string& text) {
    if (text == "all") return 0;
    try {
        std::size_t used = 0;
        const long long value = std::stoll(text, &used);
        if (used == text.size() && value > 0) return static_cast<std::size_t>(value);
    } catch (const std::exception&) {
    }
    throw ExitError("--depth must be a positive number or 'all', got '" + text + "'");
}

/// Notes and progress bars on stderr: one bar per suite and phase ("<suite> <scorer>" while
/// ranking, "<suite> embedding" while embedding).
class EvalConsole {
public:
    explicit EvalConsole(std::string scorer) : scorer_(std::move(scorer)) {}

    void show(const Progress& p) {
        if (p.phase == Phase::Preparing && !p.message.empty())
            std::cerr << "note: " << p.message << '\n';
        if (p.phase == Phase::LoadingModel && !p.message.empty()) std::cerr << p.message << '\n';
        if (p.phase != Phase::Embedding && p.phase != Phase::Ranking) {
            if (bar_) bar_->finish();
            return;
        }
        const std::string label =
            p.suite + " " + (p.phase == Phase::Ranking ? scorer_ : phaseName(p.phase));
        if (label != label_) {
            if (bar_) bar_->finish();
            bar_ = std::make_unique<ProgressPrinter>(label);
            label_ = label;
        }
        bar_->update(p.done, p.total, p.etaSeconds);
    }

private:
    std::string scorer_;
    std::string label_;
    std::unique_ptr<ProgressPrinter> bar_;
};

void runEval(EvalOptions& options) {
    experiment::EvaluationJobOptions& job = options.job;
    job.depth = parseDepth(options.depth);
    job.precision = *parseChoice(experiment::precisionChoices(), options.precision);
    if (job.threads < 1) throw ExitError("--threads must be at least 1");
    if (job.scorer == experiment::kDenseScorer && job.model.folder.empty())
        throw ExitError("--scorer dense needs --model FOLDER");
    EvalConsole console(job.scorer);
    Result<experiment::EvaluationJobOutcome> outcome = experiment::runEvaluation(
        job, [&console](const Progress& p) { console.show(p); }, CancelToken());
    if (!outcome) throw ExitError(outcome.error().message);
    for (const eval::SuiteEvaluation& evaluation : outcome.value().evaluations)
        std::cout << report::formatEvaluationTable(evaluation) << '\n';
    for (const store::SuiteContamination& contaminated : outcome.value().contaminated)
        std::cout << contaminated.marker() << ": not zero-shot, " << contaminated.description
                  << '\n';
    std::cout << "Results written to " << job.outDir << '\n';
    if (outcome.value().runId)
        std::cout << "Recorded as run " << *outcome.value().runId << " in " << job.databasePath
                  << '\n';
}

}  // namespace

void addEvalCommand(CLI::App& app) {
    auto options = std::make_shared<EvalOptions>();
    experiment::EvaluationJobOptions& job = options->job;
    job.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    CLI::App* cmd =
        app.add_subcommand("eval", "Evaluate a scorer on a benchmark suite (Mo, Cr, Mul)");
    cmd->add_option("--suite", job.suite,
                    "Suite: xquad-r, mlqa-r, miracl or mtrec. mlqa-r reads LAReQA's MLQA-R "
                    "(<lang>.json with sentence_breaks: the papers' candidate pools) where --data "
                    "or its mlqa-r/ folder holds it, else raw MLQA dev "
                    "(dev-context-XX-question-XX.json) split into sentences with ICU")
        ->required()
        ->check(CLI::IsMember(experiment::kSuiteNames));
    cmd->add_option("--data", job.dataDir, "Folder of the suite's files")->required();
    cmd->add_option("--scorer", job.scorer, "Scorer: bm25, or dense (with --model)")
        ->capture_default_str()
        ->check(CLI::IsMember(experiment::kEvaluationScorers));
    cmd->add_option("--model", job.model.folder,
                    "For --scorer dense: a run's folder or checkpoint, or a Hugging Face model "
                    "folder (config.json, model.safetensors and its tokenizer files)");
    cmd->add_option("--tokenizer", job.model.tokenizer,
                    "For --scorer dense: the tokenizer (default: the Hugging Face folder's, or the "
                    "run's tokenizer.model)");
    cmd->add_option("--max-length", job.model.encoding.maxLength,
                    "For --scorer dense: tokens per text at most (a run's tokenizer.max_length)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    std::vector<std::string> precisions;
    for (const auto& choice : experiment::precisionChoices()) precisions.push_back(choice.key);
    cmd->add_option("--precision", options->precision,
                    "For --scorer dense: the Linear layers' GEMMs while embedding, fp32 or bf16 "
                    "(bfloat16 inputs, float32 sums; fast only on CPUs with AVX512-BF16 or AMX)")
        ->capture_default_str()
        ->check(CLI::IsMember(precisions));
    cmd->add_option("--languages", job.languages, "Comma-separated language codes (default: all)")
        ->delimiter(',');
    cmd->add_option("--out", job.outDir, "Folder for the result files")->required();
    cmd->add_flag("--trec", job.trec, "Also write TREC qrels and runs under OUT/trec/<suite>/");
    cmd->add_option("--depth", options->depth, "Documents per query in TREC runs: N or 'all'")
        ->capture_default_str();
    cmd->add_option("--threads", job.threads, "Threads for scoring and ranking")
        ->capture_default_str();
    cmd->add_option("--db", job.databasePath,
                    "Also record the evaluation as a run in this database");
    cmd->add_option("--name", job.runName, "Run name for --db (default: '<scorer> on <suite>')");
    cmd->add_flag(
        "--allow-overlap", job.allowOverlap,
        "Evaluate a suite even when it shares question ids or passages with the data the "
        "--model run trained on (refused otherwise); the run is recorded as contaminated");
    cmd->callback([options] { runEval(*options); });
}

}  // namespace mtrec::cli
