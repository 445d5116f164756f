#include "experiment/training_config_sections.h"

#include <string>

namespace mtrec::experiment {
namespace {

using nlohmann::json;
using train::StrategyName;

/// A strategy option given to a strategy that does not use it: a problem, since the user most
/// likely meant another strategy.
void checkUsedBy(ConfigObject& strategy, const std::string& key, StrategyName name,
                 std::initializer_list<StrategyName> users) {
    if (!strategy.has(key)) return;
    std::string list;
    for (StrategyName user : users) {
        if (user == name) return;
        list += std::string(list.empty() ? "" : ", ") + train::strategyNameText(user);
    }
    strategy.problem(key, std::string("not used by strategy '") + train::strategyNameText(name) +
                              "' (only by " + list + ")");
}

void readAlpha(ConfigObject& strategy, train::StrategySpec& out) {
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

void readTasks(ConfigObject& strategy, train::StrategySpec& out,
               std::vector<ConfigProblem>& problems) {
    const auto tasks = strategy.array("tasks");
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        ConfigObject task(tasks[i], strategy.pathOf("tasks") + "[" + std::to_string(i) + "]",
                          problems);
        if (!tasks[i]->is_object()) {
            task.problem("", "expected an object {name, kind, weight}");
            continue;
        }
        train::TaskSpec spec;
        task.text("name", spec.name, true);
        if (const auto kind = train::parseTaskKind(spec.name)) spec.kind = *kind;
        if (!task.has("kind") && !train::parseTaskKind(spec.name) && !spec.name.empty())
            task.problem("kind",
                         "missing (required when the name is not a kind: mono_qa, "
                         "cross_qa or translation)");
        readChoice(task, "kind", spec.kind, train::parseTaskKind,
                   "mono_qa, cross_qa or translation");
        task.number("weight", spec.weight);
        task.finish();
        out.tasks.push_back(std::move(spec));
    }
}

}  // namespace

void readStrategy(ConfigObject strategy, train::StrategySpec& out,
                  std::vector<ConfigProblem>& problems) {
    std::string name;
    if (strategy.text("name", name, strategy.present())) {
        if (const auto parsed = train::parseStrategyName(name))
            out.name = *parsed;
        else
            strategy.problem("name", "unknown strategy '" + name +
                                         "' (expected mono, cross, hybrid, multitask or mixed)");
    }
    strategy.count("batch_size", out.batchSize);
    readAlpha(strategy, out);
    readChoice(strategy, "language_sampling", out.languageWeighting, train::parseWeighting,
               "uniform or size");
    strategy.flag("cross_pair_per_batch", out.crossPairPerBatch);
    readChoice(strategy, "schedule", out.schedule, train::parseSchedule,
               "round_robin, proportional or temperature");
    strategy.number("temperature", out.temperature);
    readTasks(strategy, out, problems);
    strategy.flag("hard_negatives", out.hardNegatives);
    strategy.flag("symmetric", out.symmetric);
    strategy.number("tau", out.tau);
    if (train::parseStrategyName(name)) {
        checkUsedBy(strategy, "alpha", out.name, {StrategyName::Hybrid, StrategyName::Mixed});
        for (const char* key : {"schedule", "temperature", "tasks"})
            checkUsedBy(strategy, key, out.name, {StrategyName::Multitask});
        checkUsedBy(strategy, "cross_pair_per_batch", out.name,
                    {StrategyName::Cross, StrategyName::Hybrid, StrategyName::Multitask});
    }
    strategy.finish();
}

void readOptimizer(ConfigObject optimizer, OptimizerConfig& out) {
    optimizer.number("lr", out.lr);
    optimizer.number("weight_decay", out.weightDecay);
    optimizer.count("warmup_steps", out.warmupSteps);
    optimizer.number("clip_norm", out.clipNorm);
    optimizer.count("steps", out.steps);
    optimizer.count("epochs", out.epochs);
    optimizer.count("eval_every", out.evalEvery);
    optimizer.count("early_stopping_patience", out.earlyStoppingPatience);
    optimizer.count("checkpoint_every", out.checkpointEvery);
    optimizer.finish();
}

void readEvaluation(ConfigObject& root, std::vector<EvaluationSuiteConfig>& out,
                    std::vector<ConfigProblem>& problems) {
    const auto suites = root.array("evaluation");
    for (std::size_t i = 0; i < suites.size(); ++i) {
        ConfigObject suite(suites[i], root.pathOf("evaluation") + "[" + std::to_string(i) + "]",
                           problems);
        if (!suites[i]->is_object()) {
            suite.problem("", "expected an object {suite, data, languages}");
            continue;
        }
        EvaluationSuiteConfig entry;
        suite.text("suite", entry.suite, true);
        suite.text("data", entry.data, true);
        suite.texts("languages", entry.languages);
        suite.finish();
        out.push_back(std::move(entry));
    }
}

}  // namespace mtrec::experiment
