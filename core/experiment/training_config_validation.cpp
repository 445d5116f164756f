#include <algorithm>
#include <filesystem>
#include <set>

#include "data/parallel_qa_pairs.h"
#include "experiment/config_choices.h"
#include "experiment/suite_loader.h"
#include "experiment/training_config.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;
using train::StrategyName;

/// Collects problems; paths resolve against the base folder.
class Checker {
public:
    Checker(const fs::path& baseDir, std::vector<ConfigProblem>& problems)
        : baseDir_(baseDir), problems_(problems) {}

    void add(std::string path, std::string message) {
        problems_.push_back({std::move(path), std::move(message)});
    }
    fs::path resolve(const std::string& path) const {
        const fs::path given(path);
        return given.is_absolute() || baseDir_.empty() ? given : baseDir_ / given;
    }
    void file(const std::string& jsonPath, const std::string& path) {
        std::error_code ec;
        if (path.empty())
            add(jsonPath, "must not be empty");
        else if (!fs::is_regular_file(resolve(path), ec))
            add(jsonPath, "file not found: " + resolve(path).string());
    }
    void folder(const std::string& jsonPath, const std::string& path) {
        std::error_code ec;
        if (path.empty())
            add(jsonPath, "must not be empty");
        else if (!fs::is_directory(resolve(path), ec))
            add(jsonPath, "folder not found: " + resolve(path).string());
    }
    void uniqueList(const std::string& jsonPath, const std::vector<std::string>& values) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (values[i].empty())
                add(jsonPath + "[" + std::to_string(i) + "]", "must not be empty");
            else if (!seen.insert(values[i]).second)
                add(jsonPath + "[" + std::to_string(i) + "]", "'" + values[i] + "' given twice");
    }

private:
    fs::path baseDir_;
    std::vector<ConfigProblem>& problems_;
};

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

void checkLanguages(const DataConfig& data, Checker& check) {
    check.uniqueList("$.data.languages", data.languages);
    const bool folderOk =
        !data.parallelQaFolder.empty() && fs::is_directory(check.resolve(data.parallelQaFolder));
    const std::string folder = check.resolve(data.parallelQaFolder).string();
    if (folderOk && data.languages.empty() && data.parallelQaFiles.empty() &&
        data::qaLanguagesIn(folder).empty())
        check.add("$.data.parallel_qa.folder",
                  "no QA files in " + folder +
                      " (expected dev-context-<lang>-question-<lang>.json, xquad.<lang>.json or "
                      "<lang>.json)");
    // A language may also come from the JSONL files, which only the data check reads.
    if (!data.jsonlFiles.empty()) return;
    for (std::size_t i = 0; i < data.languages.size(); ++i) {
        const std::string& lang = data.languages[i];
        if (lang.empty() || data.parallelQaFiles.count(lang)) continue;
        if (folderOk && data::findQaFile(folder, lang)) continue;
        check.add(
            "$.data.languages[" + std::to_string(i) + "]",
            "no data for language '" + lang + "'" +
                (folderOk ? ": no dev-context-" + lang + "-question-" + lang + ".json, xquad." +
                                lang + ".json or " + lang + ".json in " + folder
                          : ""));
    }
}

void checkData(const DataConfig& data, Checker& check) {
    if (data.parallelQaFolder.empty() && data.parallelQaFiles.empty() && data.jsonlFiles.empty())
        check.add("$.data", "empty training set: give parallel_qa (a folder or files) or jsonl");
    if (!data.parallelQaFolder.empty())
        check.folder("$.data.parallel_qa.folder", data.parallelQaFolder);
    for (const auto& [lang, file] : data.parallelQaFiles) {
        check.file("$.data.parallel_qa.files." + lang, file);
        if (!data.languages.empty() && !contains(data.languages, lang))
            check.add("$.data.parallel_qa.files." + lang,
                      "'" + lang + "' is not in $.data.languages");
    }
    checkLanguages(data, check);
    if (data.maxGroups && *data.maxGroups == 0) check.add("$.data.max_groups", "must be >= 1");
    for (std::size_t i = 0; i < data.jsonlFiles.size(); ++i)
        check.file("$.data.jsonl[" + std::to_string(i) + "]", data.jsonlFiles[i]);
    for (std::size_t i = 0; i < data.parallelSentences.size(); ++i) {
        const std::string at = "$.data.parallel_sentences[" + std::to_string(i) + "]";
        check.file(at + ".query", data.parallelSentences[i].queryFile);
        check.file(at + ".passage", data.parallelSentences[i].passageFile);
    }
    const ValidationSplit& validation = data.validation;
    if (!(validation.fraction >= 0.0 && validation.fraction < 1.0))
        check.add("$.data.validation.fraction",
                  "must be in [0, 1), found " + std::to_string(validation.fraction));
    check.uniqueList("$.data.validation.languages", validation.languages);
    for (std::size_t i = 0; i < validation.languages.size(); ++i)
        if (!data.languages.empty() && !contains(data.languages, validation.languages[i]))
            check.add("$.data.validation.languages[" + std::to_string(i) + "]",
                      "'" + validation.languages[i] + "' is not a training language");
}

void checkTokenizer(const TokenizerConfig& tokenizer, const ModelConfig& model, Checker& check) {
    if (tokenizer.train && !tokenizer.path.empty())
        check.add("$.tokenizer", "give either \"train\" or \"path\", not both");
    if (!tokenizer.train && tokenizer.path.empty())
        check.add("$.tokenizer",
                  "give \"train\" (train SentencePiece on the training texts) or \"path\" (a "
                  ".model file or a Hugging Face folder)");
    if (tokenizer.train)
        if (Status valid = text::validate(*tokenizer.train); !valid)
            check.add("$.tokenizer.train", valid.error().message);
    if (!tokenizer.path.empty()) {
        std::error_code ec;
        if (!fs::exists(check.resolve(tokenizer.path), ec))
            check.add("$.tokenizer.path", "not found: " + check.resolve(tokenizer.path).string());
    }
    if (tokenizer.encoding.maxLength < 3)
        check.add("$.tokenizer.max_length", "must be >= 3 (room for the special tokens)");
    if (!model.hfFolder.empty()) check.folder("$.model.hf_folder", model.hfFolder);
}

void checkTasks(const train::StrategySpec& strategy, const DataConfig& data, Checker& check) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < strategy.tasks.size(); ++i) {
        const train::TaskSpec& task = strategy.tasks[i];
        const std::string at = "$.strategy.tasks[" + std::to_string(i) + "]";
        if (!task.name.empty() && !names.insert(task.name).second)
            check.add(at + ".name", "task name '" + task.name + "' used twice");
        if (!(task.weight > 0.0))
            check.add(at + ".weight", "must be > 0, found " + std::to_string(task.weight));
        if (task.kind == train::TaskKind::Translation && data.parallelSentences.empty())
            check.add(at + ".kind",
                      "a translation task needs parallel sentences ($.data.parallel_sentences)");
    }
}

void checkStrategy(const train::StrategySpec& strategy, const DataConfig& data, Checker& check) {
    if (strategy.batchSize < 2)
        check.add("$.strategy.batch_size",
                  "must be >= 2 (in-batch negatives), found " + std::to_string(strategy.batchSize));
    if (strategy.alpha && !(*strategy.alpha >= 0.0 && *strategy.alpha <= 1.0))
        check.add("$.strategy.alpha",
                  "must be in [0, 1] (or \"size\"), found " + std::to_string(*strategy.alpha));
    if (!(strategy.tau > 0.0))
        check.add("$.strategy.tau", "must be > 0, found " + std::to_string(strategy.tau));
    if (strategy.name == StrategyName::Multitask) {
        if (strategy.schedule == train::TaskSchedule::Temperature && !(strategy.temperature > 0.0))
            check.add("$.strategy.temperature",
                      "must be > 0, found " + std::to_string(strategy.temperature));
        checkTasks(strategy, data, check);
        if (strategy.equalQaBudget && strategy.schedule != train::TaskSchedule::RoundRobin)
            check.add("$.strategy.equal_qa_budget",
                      "needs the round_robin schedule (drawn schedules give no fixed QA share)");
    }
    const bool needsCross =
        strategy.name == StrategyName::Cross ||
        ((strategy.name == StrategyName::Hybrid || strategy.name == StrategyName::Mixed) &&
         strategy.alpha && *strategy.alpha < 1.0);
    if (needsCross && data.languages.size() == 1)
        check.add("$.strategy.name", std::string("'") + train::strategyNameText(strategy.name) +
                                         "' needs cross-lingual pairs, but $.data.languages "
                                         "holds one language");
}

void checkOptimizer(const OptimizerConfig& optimizer, const DataConfig& data, Checker& check) {
    if (!(optimizer.lr > 0.0))
        check.add("$.optimizer.lr", "must be > 0, found " + std::to_string(optimizer.lr));
    if (!(optimizer.weightDecay >= 0.0)) check.add("$.optimizer.weight_decay", "must be >= 0");
    if (!(optimizer.clipNorm >= 0.0)) check.add("$.optimizer.clip_norm", "must be >= 0 (0: off)");
    if (optimizer.steps.has_value() == optimizer.epochs.has_value())
        check.add("$.optimizer", "give exactly one of \"steps\" and \"epochs\"");
    // steps = 0 is the untrained-encoder baseline: the initialised model is evaluated as it is.
    if (optimizer.epochs && *optimizer.epochs == 0) check.add("$.optimizer.epochs", "must be >= 1");
    if (optimizer.keepCheckpoints == 0)
        check.add("$.optimizer.keep_checkpoints", "must be >= 1 (the newest checkpoint is kept)");
    if (optimizer.steps && *optimizer.steps > 0 && optimizer.warmupSteps > *optimizer.steps)
        check.add("$.optimizer.warmup_steps",
                  "is more than the steps (" + std::to_string(*optimizer.steps) + ")");
    if (optimizer.evalEvery > 0 && !(data.validation.fraction > 0.0))
        check.add("$.optimizer.eval_every",
                  "needs a validation set ($.data.validation.fraction > 0)");
    if (optimizer.selectBy == train::SelectionMeasure::CrossMrr && optimizer.evalEvery == 0)
        check.add("$.optimizer.select_by", "needs validation ($.optimizer.eval_every > 0)");
    if (optimizer.selectBy == train::SelectionMeasure::Last && optimizer.earlyStoppingPatience > 0)
        check.add("$.optimizer.early_stopping_patience",
                  "needs a measure to stop by; $.optimizer.select_by \"last\" has none");
    if (optimizer.selectBy == train::SelectionMeasure::CrossMrr &&
        data.validation.languages.size() == 1)
        check.add("$.optimizer.select_by",
                  "cross_mrr needs validation pairs of two languages or more "
                  "($.data.validation.languages has one)");
    if (optimizer.earlyStoppingPatience > 0 && optimizer.evalEvery == 0)
        check.add("$.optimizer.early_stopping_patience",
                  "needs validation ($.optimizer.eval_every > 0)");
}

void checkEvaluation(const std::vector<EvaluationSuiteConfig>& suites, Checker& check) {
    for (std::size_t i = 0; i < suites.size(); ++i) {
        const std::string at = "$.evaluation[" + std::to_string(i) + "]";
        if (!contains(kSuiteNames, suites[i].suite))
            check.add(at + ".suite", "unknown suite '" + suites[i].suite + "' (expected " +
                                         keyList(suiteChoices()) + ")");
        check.folder(at + ".data", suites[i].data);
        check.uniqueList(at + ".languages", suites[i].languages);
    }
}

}  // namespace

std::vector<ConfigProblem> validate(const TrainingConfig& config, const fs::path& baseDir) {
    std::vector<ConfigProblem> problems;
    Checker check(baseDir, problems);
    if (config.name.empty()) check.add("$.name", "must not be empty");
    checkData(config.data, check);
    checkTokenizer(config.tokenizer, config.model, check);
    checkStrategy(config.strategy, config.data, check);
    checkOptimizer(config.optimizer, config.data, check);
    if (config.strategy.equalQaBudget && config.optimizer.epochs)
        check.add("$.strategy.equal_qa_budget", "needs $.optimizer.steps (the QA steps), not epochs");
    checkEvaluation(config.evaluation, check);
    for (ConfigProblem& problem : checkModel(config))
        check.add(std::move(problem.path), std::move(problem.message));
    return problems;
}

}  // namespace mtrec::experiment
