#include "experiment/evaluation_job.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "eval/scorer.h"
#include "experiment/contamination_note.h"
#include "experiment/encoder_evaluation.h"
#include "experiment/encoder_scorer.h"
#include "experiment/evaluation_run.h"
#include "experiment/model_training.h"
#include "experiment/overlap_guard.h"
#include "experiment/scorer_factory.h"
#include "experiment/suite_loader.h"
#include "model/encoder.h"
#include "report/evaluation_csv.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

std::string absolute(const std::string& path) {
    return path.empty() ? path : fs::absolute(path).lexically_normal().string();
}

/// The request as JSON, stored with a recorded run so its numbers can be traced and recomputed
/// (exportTrecRuns re-ranks from it): the folders made absolute.
std::string requestJson(const EvaluationJobOptions& options) {
    nlohmann::json request = {{"command", "eval"},
                              {"suite", options.suite},
                              {"data", absolute(options.dataDir)},
                              {"scorer", options.scorer},
                              {"languages", options.languages}};
    if (options.scorer == kDenseScorer) {
        request["model"] = absolute(options.model.folder);
        request["max_length"] = options.model.encoding.maxLength;
        if (!options.model.tokenizer.empty())
            request["tokenizer"] = absolute(options.model.tokenizer);
        // Only when not the default, so requests recorded before the key read the same.
        if (options.precision != model::MatmulPrecision::Fp32)
            request["precision"] = model::matmulPrecisionText(options.precision);
    }
    if (options.allowOverlap) request["allow_overlap"] = true;
    return request.dump();
}

void say(const ProgressSink& progress, Phase phase, const std::string& message) {
    Progress line;
    line.phase = phase;
    line.message = message;
    notify(progress, line);
}

Status checkOptions(const EvaluationJobOptions& options) {
    if (options.threads < 1) return Error{"--threads must be at least 1"};
    if (std::find(kEvaluationScorers.begin(), kEvaluationScorers.end(), options.scorer) ==
        kEvaluationScorers.end())
        return Error{"unknown scorer '" + options.scorer + "'"};
    if (options.scorer == kDenseScorer && options.model.folder.empty())
        return Error{"the dense scorer needs a model folder (--model)"};
    return success();
}

/// Builds each suite's scorer: BM25 (or another model-free scorer), or dense over one model.
class ScorerSource {
public:
    ScorerSource(const EvaluationJobOptions& options, const ProgressSink& progress,
                 const CancelToken& cancel)
        : options_(options), progress_(progress), cancel_(cancel) {}

    Status prepare() {
        if (options_.scorer != kDenseScorer) return success();
        say(progress_, Phase::LoadingModel, "loading " + options_.model.folder);
        Result<EvaluatedModel> loaded = loadEvaluatedModel(options_.model);
        if (!loaded) return loaded.error();
        model_ = std::move(loaded).value();
        return success();
    }

    Result<std::unique_ptr<eval::Scorer>> make(const data::RetrievalSuite& suite) const {
        if (!model_) return makeScorer(options_.scorer, suite, options_.threads);
        EncoderScorerOptions embedding;
        embedding.progress = progress_;
        embedding.cancel = cancel_;
        embedding.precision = options_.precision;
        auto scorer = makeEncoderScorer(suite, *model_->encoder, *model_->batchEncoder, embedding,
                                        kDenseScorer);
        if (!scorer) return scorer.error();
        return std::unique_ptr<eval::Scorer>(std::move(scorer).value());
    }

    /// The dense model's tokenizer; none for BM25.
    const text::Tokenizer* tokenizer() const { return model_ ? model_->tokenizer.get() : nullptr; }

private:
    const EvaluationJobOptions& options_;
    const ProgressSink& progress_;
    const CancelToken& cancel_;
    std::optional<EvaluatedModel> model_;
};

Result<eval::SuiteEvaluation> evaluateOne(const data::RetrievalSuite& suite,
                                          const ScorerSource& scorers,
                                          const EvaluationJobOptions& options,
                                          const ProgressSink& progress, const CancelToken& cancel) {
    Result<std::unique_ptr<eval::Scorer>> scorer = scorers.make(suite);
    if (!scorer) return scorer.error();
    eval::EvaluationOptions evaluation;
    evaluation.threads = options.threads;
    evaluation.trecDepth = options.depth;
    if (options.trec)
        evaluation.trecExportDir = (fs::path(options.outDir) / "trec" / suite.name).string();
    evaluation.progress = progress;
    evaluation.cancel = cancel;
    Result<eval::SuiteEvaluation> evaluated =
        eval::evaluateSuite(suite, *scorer.value(), evaluation);
    if (evaluated && scorers.tokenizer())
        evaluated.value().unknownTokens = unknownTokensOf(suite, *scorers.tokenizer());
    return evaluated;
}

Result<std::int64_t> record(const EvaluationJobOptions& options,
                            const EvaluationJobOutcome& outcome) {
    EvaluationRunInfo info;
    info.databasePath = options.databasePath;
    info.name = options.runName.empty() ? options.scorer + " on " + options.suite : options.runName;
    info.scorer = options.scorer;
    info.configJson = requestJson(options);
    info.contaminated = outcome.contaminated;
    return recordEvaluationRun(info, outcome.evaluations);
}

/// The suites that share data with the dense model's training data (a refusal unless allowed);
/// none for a scorer without a model.
Result<std::vector<store::SuiteContamination>> checkOverlap(
    const EvaluationJobOptions& options, const std::vector<data::RetrievalSuite>& suites,
    const ProgressSink& progress) {
    std::vector<store::SuiteContamination> contaminated;
    if (options.scorer != kDenseScorer) return contaminated;
    Result<EvaluationOverlap> overlap =
        evaluationOverlap(options.model.folder, suites, options.allowOverlap);
    if (!overlap) return overlap.error();
    if (!overlap.value().note.empty()) say(progress, Phase::Preparing, overlap.value().note);
    for (const SuiteOverlap& shared : overlap.value().shared)
        contaminated.push_back(contaminationRecord(shared, overlap.value().trainingSource));
    return contaminated;
}

}  // namespace

Result<EvaluationJobOutcome> runEvaluation(const EvaluationJobOptions& options,
                                           const ProgressSink& progress,
                                           const CancelToken& cancel) {
    if (Status checked = checkOptions(options); !checked) return checked.error();
    Result<LoadedSuites> loaded = loadSuites({options.suite, options.dataDir, options.languages});
    if (!loaded) return loaded.error();
    for (const std::string& note : loaded.value().notes) say(progress, Phase::Preparing, note);
    Result<std::vector<store::SuiteContamination>> contaminated =
        checkOverlap(options, loaded.value().suites, progress);
    if (!contaminated) return contaminated.error();
    std::error_code ec;
    fs::create_directories(options.outDir, ec);
    if (ec) return Error{"cannot create output folder " + options.outDir + ": " + ec.message()};

    ScorerSource scorers(options, progress, cancel);
    if (Status prepared = scorers.prepare(); !prepared) return prepared.error();
    EvaluationJobOutcome outcome;
    outcome.suites = std::move(loaded.value().suites);
    outcome.contaminated = std::move(contaminated).value();
    for (const data::RetrievalSuite& suite : outcome.suites) {
        Result<eval::SuiteEvaluation> evaluated =
            evaluateOne(suite, scorers, options, progress, cancel);
        if (!evaluated) return evaluated.error();
        if (options.trec)
            if (Status noted =
                    writeContaminationNote(fs::path(options.outDir) / "trec" / suite.name,
                                           suite.name, outcome.contaminated);
                !noted)
                return noted.error();
        outcome.evaluations.push_back(std::move(evaluated).value());
    }

    Progress writing;
    writing.phase = Phase::WritingResults;
    notify(progress, writing);
    std::vector<report::EvaluatedSuite> items;
    for (std::size_t i = 0; i < outcome.evaluations.size(); ++i)
        items.push_back({&outcome.suites[i], &outcome.evaluations[i]});
    if (Status written = report::writeEvaluationCsv(options.outDir, items); !written)
        return written.error();
    if (!options.databasePath.empty()) {
        Result<std::int64_t> runId = record(options, outcome);
        if (!runId) return runId.error();
        outcome.runId = runId.value();
    }
    Progress done;
    done.phase = Phase::Done;
    if (outcome.runId) done.runId = *outcome.runId;
    notify(progress, done);
    return outcome;
}

}  // namespace mtrec::experiment
