#include "experiment/trec_regeneration.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "eval/scorer.h"
#include "eval/suite_evaluation.h"
#include "experiment/config_choices.h"
#include "experiment/contamination_note.h"
#include "experiment/encoder_scorer.h"
#include "experiment/evaluated_model.h"
#include "experiment/evaluation_request.h"
#include "experiment/run_folder.h"
#include "experiment/scorer_factory.h"
#include "experiment/suite_loader.h"
#include "experiment/training_config.h"
#include "model/encoder.h"
#include "store/suite_record.h"
#include "train/thread_settings.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

/// Relative tolerance between a regenerated metric and the stored one.
constexpr double kTolerance = 1e-6;

/// Everything regenerating one run needs, read from the store and checked on disk.
struct RunPlan {
    store::RunRecord run;
    std::string label;  ///< "run 3 (tiny-hybrid)"
    std::vector<EvaluationSuiteConfig> suites;
    std::vector<store::EvalCell> stored;
    std::string scorer;                    ///< an evaluation run's scorer (kEvaluationScorers)
    std::optional<ModelSource> model;      ///< a dense evaluation run's model
    std::optional<TrainingConfig> config;  ///< a training run's config
    std::string modelFolder;               ///< the weights it evaluated
    /// The Linear GEMMs' precision its dense embeddings were computed in.
    model::MatmulPrecision precision = model::MatmulPrecision::Fp32;
};

/// What one exportTrecRuns call was asked for.
struct Job {
    TrecExportOptions options;
    const ProgressSink& progress;
    const CancelToken& cancel;

    /// A report with a line for people.
    void say(Phase phase, std::int64_t runId, const std::string& message,
             const std::string& suite = {}) const {
        Progress line;
        line.phase = phase;
        line.runId = runId;
        line.suite = suite;
        line.message = message;
        notify(progress, line);
    }
};

/// Builds the scorer of one suite; the suite outlives it.
using ScorerMaker =
    std::function<Result<std::unique_ptr<eval::Scorer>>(const data::RetrievalSuite& suite)>;

/// A scorer under another name: the name is the run id of the TREC lines.
class NamedScorer final : public eval::Scorer {
public:
    NamedScorer(std::unique_ptr<eval::Scorer> inner, std::string name)
        : inner_(std::move(inner)), name_(std::move(name)) {}
    std::string name() const override { return name_; }
    void score(const eval::ScoreBlock& block, float* out) override { inner_->score(block, out); }
    bool poolIndependent() const override { return inner_->poolIndependent(); }
    bool scoresColumns() const override { return inner_->scoresColumns(); }
    void scoreColumns(const eval::ScoreBlock& block, const std::uint32_t* columns,
                      std::size_t count, float* out) override {
        inner_->scoreColumns(block, columns, count, out);
    }

private:
    std::unique_ptr<eval::Scorer> inner_;
    std::string name_;
};

bool present(const fs::path& path) {
    std::error_code ec;
    return fs::exists(path, ec);
}

Error missing(const RunPlan& plan, const std::string& what, const fs::path& path,
              const std::string& why) {
    return Error{plan.label + ": " + what + " " + path.string() + " is missing (" + why +
                 "); its rankings cannot be regenerated"};
}

Status checkStatus(const RunPlan& plan) {
    using store::RunStatus;
    const store::RunRecord& run = plan.run;
    if (run.status == RunStatus::Finished) return success();
    std::string state = run.status == RunStatus::Cancelled ? "was cancelled"
                        : run.status == RunStatus::Running ? "is still running"
                        : run.status == RunStatus::Queued  ? "has not started"
                                                           : "";
    if (run.status == RunStatus::Failed)
        state = "failed" + (run.errorText ? " (" + *run.errorText + ")" : std::string());
    if (run.status == RunStatus::Interrupted)
        state = "was interrupted (resume it with mtrec runs resume " + std::to_string(run.id) + ")";
    return Error{plan.label + " " + state +
                 "; only a finished run has evaluated rankings to export"};
}

std::string stringAt(const nlohmann::json& json, const char* key) {
    const auto found = json.find(key);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

/// An `mtrec eval --db` run: {"command": "eval", "suite", "data", "scorer", "languages"} and, for
/// the dense scorer, "model", "max_length", "tokenizer" and "precision" (when given).
Status planEvaluationRun(RunPlan& plan, const nlohmann::json& config) {
    EvaluationSuiteConfig suite;
    suite.suite = stringAt(config, "suite");
    suite.data = stringAt(config, "data");
    plan.scorer = stringAt(config, "scorer");
    if (config.contains("languages") && config["languages"].is_array())
        for (const nlohmann::json& code : config["languages"])
            if (code.is_string()) suite.languages.push_back(code.get<std::string>());
    const std::string origin = plan.label + "'s config: ";
    if (suite.suite.empty()) return Error{origin + "$.suite is missing"};
    if (suite.data.empty()) return Error{origin + "$.data is missing"};
    if (plan.scorer == kDenseScorer) {
        ModelSource model;
        model.folder = stringAt(config, "model");
        model.tokenizer = stringAt(config, "tokenizer");
        if (config.contains("max_length") && config["max_length"].is_number_unsigned())
            model.encoding.maxLength = config["max_length"].get<std::size_t>();
        if (model.folder.empty()) return Error{origin + "$.model is missing"};
        if (const std::string precision = stringAt(config, "precision"); !precision.empty()) {
            const auto parsed = parseChoice(precisionChoices(), precision);
            if (!parsed) return Error{origin + "$.precision: unknown value '" + precision + "'"};
            plan.precision = *parsed;
        }
        if (!present(model.folder))
            return missing(plan, "its model folder", model.folder, "$.model");
        plan.model = std::move(model);
    } else if (std::find(kScorerNames.begin(), kScorerNames.end(), plan.scorer) ==
               kScorerNames.end()) {
        return Error{origin + "$.scorer '" + plan.scorer + "' is not a scorer this build has"};
    }
    // Runs recorded before the data path was stored absolute: relative to the current folder.
    suite.data = fs::absolute(suite.data).lexically_normal().string();
    plan.suites.push_back(std::move(suite));
    return success();
}

/// The weights RunSession::evaluate used (RunFolder::evaluatedWeights), checked on disk.
Status planModel(RunPlan& plan) {
    const store::RunRecord& run = plan.run;
    if (!run.checkpointPath || run.checkpointPath->empty())
        return Error{plan.label + " records no checkpoint; it was not trained by mtrec train"};
    const fs::path recorded(*run.checkpointPath);
    if (!present(recorded))
        return missing(plan, "its checkpoint", recorded, "deleted or moved since the run");
    const RunFolder folder = RunFolder::ofCheckpoint(recorded);
    Result<std::string> weights = folder.evaluatedWeights();
    if (!weights) return Error{plan.label + ": " + weights.error().message};
    if (!present(weights.value()))
        return missing(plan, "its best-validation model", weights.value(),
                       "the model it evaluated");
    plan.modelFolder = weights.value();
    return success();
}

Status planTrainingRun(RunPlan& plan, const nlohmann::json& json) {
    ParsedTrainingConfig parsed = parseTrainingConfig(json);
    if (!parsed.problems.empty())
        return Error{describeProblems(plan.label + "'s stored config", parsed.problems)};
    if (parsed.config.evaluation.empty())
        return Error{plan.label + "'s config names no evaluation suite; it was never evaluated"};
    plan.config = std::move(parsed.config);
    plan.suites = plan.config->evaluation;
    plan.precision = plan.config->precision;
    if (Status model = planModel(plan); !model) return model;
    const TokenizerConfig& tokenizer = plan.config->tokenizer;
    if (tokenizer.train) {
        const fs::path trained = RunFolder::ofCheckpoint(*plan.run.checkpointPath).tokenizerModel();
        if (!present(trained))
            return missing(plan, "its trained tokenizer", trained,
                           "deleted or moved since the run");
    } else if (!present(tokenizer.path)) {
        return missing(plan, "its tokenizer", tokenizer.path, "$.tokenizer.path");
    }
    return success();
}

Result<RunPlan> planRun(store::ExperimentStore& store, std::int64_t runId) {
    Result<store::RunRecord> run = store.runs().get(runId);
    if (!run) return run.error();
    RunPlan plan;
    plan.run = std::move(run).value();
    plan.label = "run " + std::to_string(runId) + " (" + plan.run.name + ")";
    if (Status status = checkStatus(plan); !status) return status.error();
    Result<std::vector<store::EvalCell>> stored = store.results().matrix(runId);
    if (!stored) return stored.error();
    if (stored.value().empty())
        return Error{plan.label + " was never evaluated: the store holds no results for it"};
    plan.stored = std::move(stored).value();
    nlohmann::json config;
    try {
        config = nlohmann::json::parse(plan.run.configJson);
    } catch (const nlohmann::json::exception& error) {
        return Error{plan.label + "'s stored config is not JSON: " + error.what()};
    }
    Status planned = isEvaluationRequest(config) ? planEvaluationRun(plan, config)
                                                 : planTrainingRun(plan, config);
    if (!planned) return planned.error();
    for (const EvaluationSuiteConfig& suite : plan.suites) {
        std::error_code ec;
        if (!fs::is_directory(suite.data, ec))
            return missing(plan, "the " + suite.suite + " data folder", suite.data,
                           "moved or deleted since the run was evaluated");
    }
    return plan;
}

// ---- the stored results, reproduced ------------------------------------------------------------

using CellId = std::tuple<std::string, std::string, std::string, std::string, std::string>;

CellId idOf(const store::EvalCell& cell) {
    return {cell.key.suite, std::string(eval::settingName(cell.key.setting)), cell.key.queryLang,
            cell.key.candLang, std::string(store::measureName(cell.metric))};
}

std::string describe(const CellId& id) {
    return std::get<0>(id) + " " + std::get<1>(id) + " " + std::get<2>(id) + "-" + std::get<3>(id) +
           " " + std::get<4>(id);
}

/// An Error naming the first cell of `evaluation` whose metric differs from the stored one (or
/// that only one side has), with the number of such cells.
Status checkReproduced(const RunPlan& plan, const eval::SuiteEvaluation& evaluation) {
    // Diagnostics (unk share, tied queries) are left out: runs recorded before them have none,
    // and the unk share does not come from the rankings.
    std::map<CellId, double> stored;
    for (const store::EvalCell& cell : plan.stored)
        if (cell.key.suite == evaluation.suite && !cell.metric.diagnostic())
            stored.emplace(idOf(cell), cell.value);
    std::size_t differing = 0;
    std::string first;
    const auto differs = [&](const std::string& what) {
        if (differing++ == 0) first = what;
    };
    for (const store::EvalCell& cell : store::suiteRecord(evaluation).cells) {
        if (cell.metric.diagnostic()) continue;
        const auto found = stored.find(idOf(cell));
        if (found == stored.end()) {
            differs(describe(idOf(cell)) + " is not stored");
            continue;
        }
        const double tolerance = kTolerance * std::max(1.0, std::fabs(found->second));
        if (!(std::fabs(found->second - cell.value) <= tolerance))
            differs(describe(found->first) + " = " + std::to_string(cell.value) + " now, " +
                    std::to_string(found->second) + " stored");
        stored.erase(found);
    }
    for (const auto& [id, value] : stored) differs(describe(id) + " is stored but not regenerated");
    if (differing == 0) return success();
    return Error{plan.label + ": the regenerated rankings do not reproduce the stored results (" +
                 std::to_string(differing) + " differing cells; " + first +
                 "): the data or the model changed since the run was evaluated"};
}

// ---- regeneration ------------------------------------------------------------------------------

/// One suite entry's rankings into `folder/<suite>/`, through eval::evaluateSuite.
Status regenerateSuites(const RunPlan& plan, const EvaluationSuiteConfig& entry,
                        const ScorerMaker& makeScorerFor, const fs::path& folder, const Job& job,
                        std::set<std::string>& done) {
    Result<LoadedSuites> loaded = loadSuites({entry.suite, entry.data, entry.languages});
    if (!loaded) return Error{plan.label + ": " + loaded.error().message};
    for (const data::RetrievalSuite& suite : loaded.value().suites) {
        job.say(Phase::Ranking, plan.run.id, plan.label + ": ranking " + suite.name, suite.name);
        Result<std::unique_ptr<eval::Scorer>> scorer = makeScorerFor(suite);
        if (!scorer) return Error{plan.label + ": " + scorer.error().message};
        eval::EvaluationOptions evaluation;
        evaluation.threads = job.options.threads;
        evaluation.trecExportDir = (folder / suite.name).string();
        evaluation.trecDepth = job.options.depth;
        evaluation.progress = job.progress;
        evaluation.cancel = job.cancel;
        Result<eval::SuiteEvaluation> evaluated =
            eval::evaluateSuite(suite, *scorer.value(), evaluation);
        if (!evaluated) return Error{plan.label + ": " + evaluated.error().message};
        if (Status same = checkReproduced(plan, evaluated.value()); !same) return same;
        if (Status noted =
                writeContaminationNote(folder / suite.name, suite.name, plan.run.contaminated);
            !noted)
            return Error{plan.label + ": " + noted.error().message};
        done.insert(suite.name);
    }
    return success();
}

/// Every suite of the plan, each scored by `makeScorerFor`; every stored suite must come back.
Status regenerateAll(const RunPlan& plan, const ScorerMaker& makeScorerFor, const fs::path& folder,
                     const Job& job) {
    std::set<std::string> done;
    for (const EvaluationSuiteConfig& entry : plan.suites)
        if (Status s = regenerateSuites(plan, entry, makeScorerFor, folder, job, done); !s)
            return s;
    for (const store::EvalCell& cell : plan.stored)
        if (!done.count(cell.key.suite))
            return Error{plan.label + ": its results hold suite " + cell.key.suite +
                         ", which its data folders no longer yield"};
    return success();
}

Status regenerateWithScorer(const RunPlan& plan, const fs::path& folder, const Job& job) {
    const std::string name = trecRunName(plan.run);
    const ScorerMaker maker =
        [&](const data::RetrievalSuite& suite) -> Result<std::unique_ptr<eval::Scorer>> {
        Result<std::unique_ptr<eval::Scorer>> scorer =
            makeScorer(plan.scorer, suite, job.options.threads);
        if (!scorer) return scorer.error();
        return std::unique_ptr<eval::Scorer>(
            std::make_unique<NamedScorer>(std::move(scorer).value(), name));
    };
    return regenerateAll(plan, maker, folder, job);
}

/// As RunSession::evaluate (a training run: its evaluated model, tokenizer and thread count) or as
/// `mtrec eval --scorer dense` (its model folder): dense scoring through makeEncoderScorer.
Status regenerateWithEncoder(const RunPlan& plan, const fs::path& folder, const Job& job) {
    job.say(Phase::LoadingModel, plan.run.id,
            plan.label + ": loading " + (plan.config ? plan.modelFolder : plan.model->folder));
    if (plan.config) train::configureTrainingThreads(plan.config->threads);
    Result<EvaluatedModel> model =
        plan.config
            ? loadEvaluatedModel(RunFolder::ofCheckpoint(*plan.run.checkpointPath), *plan.config)
            : loadEvaluatedModel(*plan.model);
    if (!model) return Error{plan.label + ": " + model.error().message};
    const std::string name = trecRunName(plan.run);
    const ScorerMaker maker =
        [&](const data::RetrievalSuite& suite) -> Result<std::unique_ptr<eval::Scorer>> {
        EncoderScorerOptions options;
        options.progress = job.progress;
        options.cancel = job.cancel;
        options.precision = plan.precision;
        auto scorer = makeEncoderScorer(suite, *model.value().encoder, *model.value().batchEncoder,
                                        options, name);
        if (!scorer) return scorer.error();
        return std::unique_ptr<eval::Scorer>(std::move(scorer).value());
    };
    return regenerateAll(plan, maker, folder, job);
}

std::vector<std::string> filesUnder(const fs::path& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(folder, ec))
        if (entry.is_regular_file()) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

/// Regenerates into a hidden folder beside the target, renamed into place when complete.
Result<TrecRunExport> exportOne(const RunPlan& plan, const Job& job) {
    const fs::path target = trecRunFolder(job.options.outDir, plan.run);
    const fs::path partial =
        fs::path(job.options.outDir) /
        ("." + target.filename().string() + ".partial-" + std::to_string(getpid()));
    std::error_code ec;
    fs::remove_all(partial, ec);
    const Status made = plan.config || plan.model ? regenerateWithEncoder(plan, partial, job)
                                                  : regenerateWithScorer(plan, partial, job);
    if (made) {
        fs::remove_all(target, ec);
        if (!ec) fs::rename(partial, target, ec);
    }
    if (!made || ec) {
        std::error_code ignored;
        fs::remove_all(partial, ignored);
        if (!made) return made.error();
        return Error{plan.label + ": cannot move its files into " + target.string() + ": " +
                     ec.message()};
    }
    return TrecRunExport{plan.run.id, target.string(), filesUnder(target)};
}

}  // namespace

std::string trecRunName(const store::RunRecord& run) {
    const bool plain =
        !run.name.empty() && std::none_of(run.name.begin(), run.name.end(),
                                          [](unsigned char c) { return std::isspace(c) != 0; });
    return plain ? run.name : "mtrec-" + std::to_string(run.id);
}

std::string trecRunFolder(const std::string& outDir, const store::RunRecord& run) {
    std::string name;
    for (const unsigned char c : run.name)
        name += std::isalnum(c) || c == '.' || c == '_' || c == '-' ? static_cast<char>(c) : '-';
    return (fs::path(outDir) / (std::to_string(run.id) + "-" + (name.empty() ? "run" : name)))
        .string();
}

Result<std::vector<TrecRunExport>> exportTrecRuns(store::ExperimentStore& store,
                                                  const std::vector<std::int64_t>& runIds,
                                                  const TrecExportOptions& options,
                                                  const ProgressSink& progress,
                                                  const CancelToken& cancel) {
    if (runIds.empty()) return Error{"no runs to export"};
    if (options.outDir.empty()) return Error{"no output folder given"};
    std::vector<RunPlan> plans;
    for (std::int64_t id : runIds) {
        Result<RunPlan> plan = planRun(store, id);
        if (!plan) return plan.error();
        plans.push_back(std::move(plan).value());
    }
    std::error_code ec;
    fs::create_directories(options.outDir, ec);
    if (!fs::is_directory(options.outDir, ec))
        return Error{"cannot create the output folder " + options.outDir};
    Job job{options, progress, cancel};
    if (job.options.threads < 1)
        job.options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<TrecRunExport> exported;
    for (const RunPlan& plan : plans) {
        job.say(Phase::Regenerating, plan.run.id, "regenerating the rankings of " + plan.label);
        Result<TrecRunExport> one = exportOne(plan, job);
        if (!one) return one.error();
        exported.push_back(std::move(one).value());
    }
    Progress done;
    done.phase = Phase::Done;
    notify(progress, done);
    return exported;
}

}  // namespace mtrec::experiment
