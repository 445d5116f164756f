#include "cli/eval_command.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/exit_error.h"
#include "cli/progress_printer.h"
#include "experiment/evaluation_run.h"
#include "experiment/scorer_factory.h"
#include "experiment/suite_loader.h"
#include "report/evaluation_csv.h"
#include "report/evaluation_table.h"

namespace mtrec::cli {
namespace {

struct EvalOptions {
    std::string suite;
    std::string data;
    std::string scorer = "bm25";
    std::vector<std::string> languages;
    std::string out;
    bool trec = false;
    std::string depth = "100";
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::string db;    ///< When set, the evaluation is recorded there as a finished run.
    std::string name;  ///< Run name for --db.
};

/// The request as JSON, stored with a recorded run so its numbers can be traced and recomputed
/// (`mtrec runs export --format trec` re-ranks from it): the data folder made absolute.
std::string requestJson(const EvalOptions& options) {
    const std::string data = std::filesystem::absolute(options.data).lexically_normal().string();
    nlohmann::json request = {{"command", "eval"},
                              {"suite", options.suite},
                              {"data", data},
                              {"scorer", options.scorer},
                              {"languages", options.languages}};
    return request.dump();
}

void recordRun(const EvalOptions& options, const std::vector<eval::SuiteEvaluation>& evaluations) {
    experiment::EvaluationRunInfo info;
    info.databasePath = options.db;
    info.name = options.name.empty() ? options.scorer + " on " + options.suite : options.name;
    info.scorer = options.scorer;
    info.configJson = requestJson(options);
    auto runId = experiment::recordEvaluationRun(info, evaluations);
    if (!runId) throw ExitError(runId.error().message);
    std::cout << "Recorded as run " << runId.value() << " in " << options.db << '\n';
}

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

eval::SuiteEvaluation evaluateOne(const data::RetrievalSuite& suite, const EvalOptions& options,
                                  std::size_t depth) {
    auto scorer = experiment::makeScorer(options.scorer, suite, options.threads);
    if (!scorer) throw ExitError(scorer.error().message);
    eval::EvaluationOptions evalOptions;
    evalOptions.threads = options.threads;
    evalOptions.trecDepth = depth;
    if (options.trec)
        evalOptions.trecExportDir =
            (std::filesystem::path(options.out) / "trec" / suite.name).string();
    ProgressPrinter progress(suite.name + " " + options.scorer);
    evalOptions.progress = [&progress](std::size_t done, std::size_t total) {
        progress.update(done, total);
    };
    auto evaluation = eval::evaluateSuite(suite, *scorer.value(), evalOptions);
    progress.finish();
    if (!evaluation) throw ExitError(evaluation.error().message);
    return std::move(evaluation).value();
}

void runEval(const EvalOptions& options) {
    const std::size_t depth = parseDepth(options.depth);
    if (options.threads < 1) throw ExitError("--threads must be at least 1");
    auto loaded = experiment::loadSuites({options.suite, options.data, options.languages});
    if (!loaded) throw ExitError(loaded.error().message);
    for (const auto& note : loaded.value().notes) std::cerr << "note: " << note << '\n';

    std::error_code ec;
    std::filesystem::create_directories(options.out, ec);
    if (ec) throw ExitError("cannot create output folder " + options.out + ": " + ec.message());

    std::vector<eval::SuiteEvaluation> evaluations;
    for (const auto& suite : loaded.value().suites)
        evaluations.push_back(evaluateOne(suite, options, depth));

    std::vector<report::EvaluatedSuite> items;
    for (std::size_t i = 0; i < evaluations.size(); ++i)
        items.push_back({&loaded.value().suites[i], &evaluations[i]});
    if (Status written = report::writeEvaluationCsv(options.out, items); !written)
        throw ExitError(written.error().message);

    for (const auto& evaluation : evaluations)
        std::cout << report::formatEvaluationTable(evaluation) << '\n';
    std::cout << "Results written to " << options.out << '\n';
    if (!options.db.empty()) recordRun(options, evaluations);
}

}  // namespace

void addEvalCommand(CLI::App& app) {
    auto options = std::make_shared<EvalOptions>();
    CLI::App* cmd = app.add_subcommand("eval", "Evaluate a scorer on a benchmark suite (Mo, Cr, Mul)");
    cmd->add_option("--suite", options->suite, "Suite: xquad-r, mlqa-r, miracl or mtrec")
        ->required()
        ->check(CLI::IsMember(experiment::kSuiteNames));
    cmd->add_option("--data", options->data, "Folder of the suite's files")->required();
    cmd->add_option("--scorer", options->scorer, "Scorer: bm25")
        ->capture_default_str()
        ->check(CLI::IsMember(experiment::kScorerNames));
    cmd->add_option("--languages", options->languages, "Comma-separated language codes (default: all)")
        ->delimiter(',');
    cmd->add_option("--out", options->out, "Folder for the result files")->required();
    cmd->add_flag("--trec", options->trec, "Also write TREC qrels and runs under OUT/trec/<suite>/");
    cmd->add_option("--depth", options->depth, "Documents per query in TREC runs: N or 'all'")
        ->capture_default_str();
    cmd->add_option("--threads", options->threads, "Threads for scoring and ranking")
        ->capture_default_str();
    cmd->add_option("--db", options->db, "Also record the evaluation as a run in this database");
    cmd->add_option("--name", options->name, "Run name for --db (default: '<scorer> on <suite>')");
    cmd->callback([options] { runEval(*options); });
}

}  // namespace mtrec::cli
