#include "experiment/training_config_sections.h"

#include <string>
#include <vector>

#include "experiment/config_choices.h"

namespace mtrec::experiment {
namespace {

using nlohmann::json;
using train::StrategyName;

/// A strategy option given to a strategy that does not use it: a problem, since the user most
/// likely meant another strategy.
void checkUsedBy(JsonReader& strategy, const std::string& key, StrategyName name) {
    const std::vector<StrategyName> users = strategiesReading(key);
    if (!strategy.has(key) || users.empty()) return;
    std::string list;
    for (StrategyName user : users) {
        if (user == name) return;
        list += std::string(list.empty() ? "" : ", ") + train::strategyNameText(user);
    }
    strategy.problem(key, std::string("not used by strategy '") + train::strategyNameText(name) +
                              "' (only by " + list + ")");
}

/// The strategy options that only some strategies read, and those strategies.
struct OptionReaders {
    const char* key;
    std::vector<StrategyName> strategies;
};
const OptionReaders kStrategySpecificOptions[] = {
    {"alpha", {StrategyName::Hybrid, StrategyName::Mixed}},
    {"schedule", {StrategyName::Multitask}},
    {"temperature", {StrategyName::Multitask}},
    {"tasks", {StrategyName::Multitask}},
    {"equal_qa_budget", {StrategyName::Multitask}},
    {"cross_pair_per_batch", {StrategyName::Cross, StrategyName::Hybrid, StrategyName::Multitask}},
    {"mono_one_language", {StrategyName::Mixed}},
};

void readAlpha(JsonReader& strategy, train::StrategySpec& out) {
    const json* alpha = strategy.raw("alpha");
    if (!alpha) return;
    if (alpha->is_string() && alpha->get<std::string>() == "size")
        out.alpha = std::nullopt;
    else if (alpha->is_number())
        out.alpha = alpha->get<double>();
    else
        strategy.problem("alpha", "expected a number in [0, 1] or \"size\", found " +
                                      (alpha->is_string() ? "\"" + alpha->get<std::string>() + "\""
                                                          : jsonTypeName(*alpha)));
}

void readTasks(JsonReader& strategy, train::StrategySpec& out) {
    const auto tasks = strategy.array("tasks");
    const std::string kinds = keyList(taskKindChoices());
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        JsonReader task = strategy.element("tasks", i, *tasks[i], "{name, kind, weight}");
        if (!task.present()) continue;
        train::TaskSpec spec;
        task.text("name", spec.name, true);
        if (const auto kind = train::parseTaskKind(spec.name)) spec.kind = *kind;
        if (!task.has("kind") && !train::parseTaskKind(spec.name) && !spec.name.empty())
            task.problem("kind", "missing (required when the name is not a kind: " + kinds + ")");
        task.choice("kind", spec.kind, taskKindChoices());
        task.number("weight", spec.weight);
        task.finish();
        out.tasks.push_back(std::move(spec));
    }
}

}  // namespace

void readStrategy(JsonReader strategy, train::StrategySpec& out) {
    std::string name;
    if (strategy.text("name", name, strategy.present())) {
        if (const auto parsed = train::parseStrategyName(name))
            out.name = *parsed;
        else
            strategy.problem("name", "unknown strategy '" + name + "' (expected " +
                                         keyList(strategyChoices()) + ")");
    }
    strategy.count("batch_size", out.batchSize);
    readAlpha(strategy, out);
    strategy.choice("language_sampling", out.languageWeighting, languageSamplingChoices());
    strategy.flag("cross_pair_per_batch", out.crossPairPerBatch);
    strategy.flag("mono_one_language", out.monoOneLanguage);
    strategy.flag("equal_qa_budget", out.equalQaBudget);
    strategy.choice("schedule", out.schedule, scheduleChoices());
    strategy.number("temperature", out.temperature);
    readTasks(strategy, out);
    strategy.flag("hard_negatives", out.hardNegatives);
    strategy.flag("symmetric", out.symmetric);
    strategy.number("tau", out.tau);
    if (train::parseStrategyName(name))
        for (const OptionReaders& option : kStrategySpecificOptions)
            checkUsedBy(strategy, option.key, out.name);
    strategy.finish();
}

std::vector<StrategyName> strategiesReading(const std::string& key) {
    for (const OptionReaders& option : kStrategySpecificOptions)
        if (key == option.key) return option.strategies;
    return {};
}

void readOptimizer(JsonReader optimizer, OptimizerConfig& out) {
    optimizer.number("lr", out.lr);
    optimizer.number("weight_decay", out.weightDecay);
    optimizer.count("warmup_steps", out.warmupSteps);
    optimizer.number("clip_norm", out.clipNorm);
    optimizer.count("steps", out.steps);
    optimizer.count("epochs", out.epochs);
    optimizer.count("eval_every", out.evalEvery);
    optimizer.count("early_stopping_patience", out.earlyStoppingPatience);
    optimizer.count("checkpoint_every", out.checkpointEvery);
    optimizer.count("keep_checkpoints", out.keepCheckpoints);
    optimizer.choice("select_by", out.selectBy, selectionMeasureChoices());
    optimizer.finish();
}

void readEvaluation(JsonReader& root, std::vector<EvaluationSuiteConfig>& out) {
    const auto suites = root.array("evaluation");
    for (std::size_t i = 0; i < suites.size(); ++i) {
        JsonReader suite =
            root.element("evaluation", i, *suites[i], "{suite, data, languages, allow_overlap}");
        if (!suite.present()) continue;
        EvaluationSuiteConfig entry;
        suite.text("suite", entry.suite, true);
        suite.text("data", entry.data, true);
        suite.texts("languages", entry.languages);
        suite.flag("allow_overlap", entry.allowOverlap);
        suite.finish();
        out.push_back(std::move(entry));
    }
}

}  // namespace mtrec::experiment
