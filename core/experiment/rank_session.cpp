#include "experiment/rank_session.h"

#include <memory>
#include <utility>

#include <nlohmann/json.hpp>

#include "experiment/encoder_setup.h"
#include "experiment/rank_log.h"
#include "experiment/run_folder.h"
#include "experiment/tokenizer_setup.h"
#include "experiment/trainer_settings.h"
#include "model/encoder.h"
#include "text/batch_encoder.h"
#include "train/collective.h"
#include "train/sampler_factory.h"
#include "train/trainer.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

constexpr const char* kRunIdKey = "run/id";
constexpr const char* kFolderKey = "run/folder";
constexpr const char* kConfigKey = "run/config";
constexpr const char* kTokenizerKey = "run/tokenizer";
constexpr const char* kCheckpointKey = "run/checkpoint";

void report(const ProgressSink& progress, Phase phase, std::int64_t runId,
            const std::string& message = {}) {
    Progress update;
    update.phase = phase;
    update.runId = runId;
    update.message = message;
    notify(progress, update);
}

/// The run as rank 0 stored it: its config checked here, with the data loaded from its paths.
Result<TrainingRunCheck> handedConfig(train::Collective& collective,
                                      const TrainingRunOptions& options) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(collective.lookup(kConfigKey));
    } catch (const nlohmann::json::exception& error) {
        return Error{std::string("the config rank 0 handed over is not JSON: ") + error.what()};
    }
    ParsedTrainingConfig parsed = parseTrainingConfig(json);
    const std::string origin = "the config of the run rank 0 handed over";
    if (!parsed.problems.empty()) return Error{describeProblems(origin, parsed.problems)};
    if (options.threads > 0) parsed.config.threads = options.threads;
    TrainingRunCheck checked = checkTrainingConfigValue(parsed.config, origin, options.baseDir);
    if (!checked.ok()) return Error{checked.problemText()};
    return checked;
}

/// The pieces of one rank's training, built as RunSession builds rank 0's.
struct RankTraining {
    std::unique_ptr<text::Tokenizer> tokenizer;
    std::unique_ptr<text::BatchEncoder> batchEncoder;
    std::shared_ptr<model::EncoderImpl> encoder;
    std::unique_ptr<train::BatchSampler> sampler;
    std::unique_ptr<train::Trainer> trainer;
};

Status build(RankTraining& rank, const TrainingRunCheck& checked, const RunFolder& folder,
             const TrainingRunOptions& options) {
    const TrainingConfig& config = checked.config;
    const TrainingData& data = *checked.data;
    Result<RunTokenizer> tokenizer = buildTokenizer(config, data, options.baseDir,
                                                    folder.tokenizerModel(),
                                                    folder.tokenizerCache(), /*reuse=*/true);
    if (!tokenizer) return tokenizer.error();
    rank.tokenizer = std::move(tokenizer.value().tokenizer);
    rank.batchEncoder =
        std::make_unique<text::BatchEncoder>(*rank.tokenizer, config.tokenizer.encoding);
    Result<model::Encoder> encoder = buildEncoder(config, *rank.tokenizer, options.baseDir);
    if (!encoder) return encoder.error();
    rank.encoder = encoder.value();
    rank.sampler = train::makeSampler(config.strategy, {&data.train, &data.translation}, config.seed);
    train::TrainerOptions trainerSettings = trainerOptions(config, data, folder, options);
    trainerSettings.checkpointDir.clear();  // rank 0's alone
    rank.trainer = std::make_unique<train::Trainer>(rank.encoder, *rank.batchEncoder,
                                                    *rank.sampler, std::move(trainerSettings));
    setValidation(*rank.trainer, config, data);
    return success();
}

}  // namespace

void handOverRun(train::Collective& collective, std::int64_t runId, const fs::path& folder,
                 const TrainingConfig& config) {
    collective.publish(kRunIdKey, std::to_string(runId));
    collective.publish(kFolderKey, fs::absolute(folder).string());
    collective.publish(kConfigKey, toJson(config).dump());
}

void handOverTokenizer(train::Collective& collective) {
    collective.publish(kTokenizerKey, "ready");
}

void handOverCheckpoint(train::Collective& collective, const std::string& checkpoint) {
    collective.publish(kCheckpointKey, checkpoint);
}

Result<RankOutcome> joinTrainingRun(const TrainingRunOptions& options,
                                    const ProgressSink& progress, const CancelToken& cancel) {
    if (!options.collective) return Error{"joinTrainingRun: no collective"};
    train::Collective& collective = *options.collective;
    RankOutcome outcome;
    try {
        outcome.runId = std::stoll(collective.lookup(kRunIdKey));
        outcome.folder = collective.lookup(kFolderKey);
        Result<TrainingRunCheck> checked = handedConfig(collective, options);
        if (!checked) return checked.error();
        Result<RankLog> log = RankLog::open(outcome.folder, collective.rank());
        if (!log) return log.error();
        log.value().event("joined run " + std::to_string(outcome.runId) + " as rank " +
                          std::to_string(collective.rank()) + " of " +
                          std::to_string(collective.size()));

        report(progress, Phase::LoadingTokenizer, outcome.runId);
        collective.lookup(kTokenizerKey);  // rank 0 has built (or trained) the run's tokenizer
        const RunFolder folder(outcome.folder);
        RankTraining rank;
        report(progress, Phase::BuildingEncoder, outcome.runId);
        if (Status built = build(rank, checked.value(), folder, options); !built)
            return built.error();
        if (const std::string checkpoint = collective.lookup(kCheckpointKey); !checkpoint.empty()) {
            report(progress, Phase::RestoringCheckpoint, outcome.runId, checkpoint);
            if (Status resumed = rank.trainer->resume(checkpoint); !resumed) return resumed.error();
            outcome.resumedFromStep = rank.trainer->completedSteps();
            log.value().event("resumed from step " + std::to_string(outcome.resumedFromStep));
        }
        rank.trainer->setStepObserver(
            [&log](const train::TrainingProgress& step) { log.value().step(step); });
        rank.trainer->setProgressSink([&](const Progress& update) {
            Progress reported = update;
            reported.runId = outcome.runId;
            notify(progress, reported);
        });
        rank.trainer->setCancelToken(cancel);
        Result<train::TrainingOutcome> trained = rank.trainer->train();
        if (!trained) return trained.error();
        outcome.end = trained.value().end;
        outcome.steps = trained.value().lastStep;
        outcome.interruption = trained.value().interruption;
        log.value().event(std::string("ended ") + train::toString(outcome.end) + " at step " +
                          std::to_string(outcome.steps) +
                          (outcome.interruption.empty() ? "" : ": " + outcome.interruption));
        return outcome;
    } catch (const train::CollectiveError& error) {
        outcome.end = train::TrainingEnd::Interrupted;
        outcome.interruption = error.what();
        return outcome;
    }
}

}  // namespace mtrec::experiment
