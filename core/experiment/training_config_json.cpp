#include "experiment/config_choices.h"
#include "experiment/training_config.h"
#include "experiment/training_config_sections.h"

namespace mtrec::experiment {
namespace {

using nlohmann::json;
using train::StrategyName;

json dataJson(const DataConfig& data) {
    json qa = json::object();
    if (!data.parallelQaFolder.empty()) qa["folder"] = data.parallelQaFolder;
    if (!data.parallelQaFiles.empty()) qa["files"] = data.parallelQaFiles;
    json out = {{"parallel_qa", qa},
                {"languages", data.languages},
                {"answer_unit", choiceOf(answerUnitChoices(), data.answerUnit).key}};
    if (data.maxGroups) out["max_groups"] = *data.maxGroups;
    if (!data.jsonlFiles.empty()) out["jsonl"] = data.jsonlFiles;
    if (!data.parallelSentences.empty()) {
        json files = json::array();
        for (const data::ParallelTextFiles& entry : data.parallelSentences) {
            json item = {{"query", entry.queryFile}, {"passage", entry.passageFile}};
            if (!entry.queryLang.empty()) item["query_lang"] = entry.queryLang;
            if (!entry.passageLang.empty()) item["passage_lang"] = entry.passageLang;
            files.push_back(item);
        }
        out["parallel_sentences"] = files;
    }
    out["validation"] = {{"fraction", data.validation.fraction},
                         {"languages", data.validation.languages}};
    return out;
}

json tokenizerJson(const TokenizerConfig& tokenizer) {
    json out = json::object();
    if (tokenizer.train) {
        const text::SentencePieceTrainOptions& train = *tokenizer.train;
        out["train"] = {{"vocab_size", train.vocabSize},
                        {"model_type", choiceOf(tokenizerModelTypeChoices(), train.modelType).key},
                        {"character_coverage", train.characterCoverage},
                        {"max_sentences", train.maxSentences},
                        {"byte_fallback", train.byteFallback},
                        {"normalization", train.normalization}};
    }
    if (!tokenizer.path.empty()) out["path"] = tokenizer.path;
    out["max_length"] = tokenizer.encoding.maxLength;
    out["prefixes"] = tokenizer.encoding.usePrefixes;
    out["query_prefix"] = tokenizer.encoding.queryPrefix;
    out["passage_prefix"] = tokenizer.encoding.passagePrefix;
    return out;
}

/// Only the keys the strategy uses, so that the result parses without a problem.
json strategyJson(const train::StrategySpec& strategy) {
    json out = {{"name", train::strategyNameText(strategy.name)},
                {"batch_size", strategy.batchSize},
                {"language_sampling", train::weightingText(strategy.languageWeighting)},
                {"hard_negatives", strategy.hardNegatives},
                {"symmetric", strategy.symmetric},
                {"tau", strategy.tau}};
    const StrategyName name = strategy.name;
    if (name == StrategyName::Hybrid || name == StrategyName::Mixed)
        out["alpha"] = strategy.alpha ? json(*strategy.alpha) : json("size");
    if (name == StrategyName::Cross || name == StrategyName::Hybrid ||
        name == StrategyName::Multitask)
        out["cross_pair_per_batch"] = strategy.crossPairPerBatch;
    // The two newer flags are written only when set, so older configs keep their text.
    if (name == StrategyName::Mixed && strategy.monoOneLanguage) out["mono_one_language"] = true;
    if (name == StrategyName::Multitask && strategy.equalQaBudget) out["equal_qa_budget"] = true;
    if (name == StrategyName::Multitask) {
        out["schedule"] = train::scheduleText(strategy.schedule);
        out["temperature"] = strategy.temperature;
        json tasks = json::array();
        for (const train::TaskSpec& task : strategy.tasks)
            tasks.push_back({{"name", task.name},
                             {"kind", train::taskKindText(task.kind)},
                             {"weight", task.weight}});
        if (!strategy.tasks.empty()) out["tasks"] = tasks;
    }
    return out;
}

json optimizerJson(const OptimizerConfig& optimizer) {
    json out = {{"lr", optimizer.lr},
                {"weight_decay", optimizer.weightDecay},
                {"warmup_steps", optimizer.warmupSteps},
                {"clip_norm", optimizer.clipNorm},
                {"eval_every", optimizer.evalEvery},
                {"early_stopping_patience", optimizer.earlyStoppingPatience},
                {"checkpoint_every", optimizer.checkpointEvery}};
    // Written only when changed, so configs from before the field keep their text (seed groups
    // match runs by config text).
    if (optimizer.keepCheckpoints != OptimizerConfig{}.keepCheckpoints)
        out["keep_checkpoints"] = optimizer.keepCheckpoints;
    if (optimizer.selectBy != OptimizerConfig{}.selectBy)
        out["select_by"] = train::selectionMeasureText(optimizer.selectBy);
    if (optimizer.steps) out["steps"] = *optimizer.steps;
    if (optimizer.epochs) out["epochs"] = *optimizer.epochs;
    return out;
}

}  // namespace

json toJson(const TrainingConfig& config) {
    json evaluation = json::array();
    for (const EvaluationSuiteConfig& suite : config.evaluation) {
        json entry = {{"suite", suite.suite}, {"data", suite.data}, {"languages", suite.languages}};
        // Written only when set, so configs (and seed groups) from before the key stay the same.
        if (suite.allowOverlap) entry["allow_overlap"] = true;
        evaluation.push_back(std::move(entry));
    }
    json out = {{"version", config.version},
                {"name", config.name},
                {"seed", config.seed},
                {"threads", config.threads},
                {"data", dataJson(config.data)},
                {"tokenizer", tokenizerJson(config.tokenizer)},
                {"model", modelJson(config.model)},
                {"strategy", strategyJson(config.strategy)},
                {"optimizer", optimizerJson(config.optimizer)},
                {"evaluation", evaluation}};
    // Written only when not the default, so configs (and seed groups) from before the key stay
    // the same.
    if (config.precision != TrainingConfig{}.precision)
        out["precision"] = model::matmulPrecisionText(config.precision);
    return out;
}

}  // namespace mtrec::experiment
