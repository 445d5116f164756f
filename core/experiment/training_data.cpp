#include "experiment/training_data.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "data/jsonl_pairs.h"
#include "data/pair_selection.h"
#include "data/parallel_qa_pairs.h"
#include "experiment/batch_fit.h"
#include "train/sampler_factory.h"
#include "train/sampler_random.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

/// Seed streams of the data steps, apart from the sampler's.
constexpr std::uint64_t kGroupSampleStream = 1001;
constexpr std::uint64_t kValidationStream = 1002;

std::string resolve(const fs::path& baseDir, const std::string& path) {
    const fs::path given(path);
    return (given.is_absolute() || baseDir.empty() ? given : baseDir / given).string();
}

/// The QA file of every training language that has one, in language order.
std::vector<data::QaFile> qaFiles(const DataConfig& data, const fs::path& baseDir) {
    const std::string folder =
        data.parallelQaFolder.empty() ? "" : resolve(baseDir, data.parallelQaFolder);
    std::vector<std::string> languages = data.languages;
    if (languages.empty()) {
        std::set<std::string> found;
        if (!folder.empty())
            for (const std::string& lang : data::qaLanguagesIn(folder)) found.insert(lang);
        for (const auto& [lang, file] : data.parallelQaFiles) found.insert(lang);
        languages.assign(found.begin(), found.end());
    }
    std::vector<data::QaFile> files;
    for (const std::string& lang : languages) {
        if (const auto given = data.parallelQaFiles.find(lang); given != data.parallelQaFiles.end())
            files.push_back({lang, resolve(baseDir, given->second)});
        else if (!folder.empty())
            if (const auto found = data::findQaFile(folder, lang)) files.push_back({lang, *found});
    }
    return files;
}

/// The JSONL items of the training languages (all of them when none are listed).
bool addJsonl(const DataConfig& data, const fs::path& baseDir, bool hardNegatives,
              data::PairPool& pool, std::vector<ConfigProblem>& problems) {
    std::vector<std::string> files;
    for (const std::string& file : data.jsonlFiles) files.push_back(resolve(baseDir, file));
    Result<std::vector<data::LanguageItems>> items = data::readJsonlItems(files);
    if (!items) return problems.push_back({"$.data.jsonl", items.error().message}), false;
    std::vector<data::LanguageItems> kept;
    for (data::LanguageItems& language : items.value()) {
        if (!data.languages.empty() && std::find(data.languages.begin(), data.languages.end(),
                                                 language.lang) == data.languages.end())
            continue;
        if (!hardNegatives)
            for (data::QaItem& item : language.items) item.hardNegative.reset();
        kept.push_back(std::move(language));
    }
    data::PairPool jsonl;
    data::addParallelPairs(kept, {}, jsonl);
    if (Status merged = data::mergePairs(jsonl, pool, "the JSONL files"); !merged)
        return problems.push_back({"$.data.jsonl", merged.error().message}), false;
    return true;
}

bool readQaPairs(const TrainingConfig& config, const fs::path& baseDir, data::PairPool& pool,
                 std::vector<ConfigProblem>& problems) {
    const DataConfig& data = config.data;
    const std::vector<data::QaFile> files = qaFiles(data, baseDir);
    if (!files.empty()) {
        Result<data::PairPool> qa =
            data::buildParallelQaPairs(files, {data.answerUnit, config.strategy.hardNegatives, {}});
        if (!qa) return problems.push_back({"$.data.parallel_qa", qa.error().message}), false;
        pool = std::move(qa).value();
    }
    if (!data.jsonlFiles.empty() &&
        !addJsonl(data, baseDir, config.strategy.hardNegatives, pool, problems))
        return false;
    return true;
}

void checkLanguagesHavePairs(const DataConfig& data, const data::PairPool& pool,
                             std::vector<ConfigProblem>& problems) {
    for (std::size_t i = 0; i < data.languages.size(); ++i) {
        const std::string& lang = data.languages[i];
        if (pool.pairs({lang, lang}).empty())
            problems.push_back({"$.data.languages[" + std::to_string(i) + "]",
                                "no training pairs for language '" + lang + "'"});
    }
}

bool readTranslation(const DataConfig& data, const fs::path& baseDir, data::PairPool& pool,
                     std::vector<ConfigProblem>& problems) {
    bool ok = true;
    for (std::size_t i = 0; i < data.parallelSentences.size(); ++i) {
        const std::string at = "$.data.parallel_sentences[" + std::to_string(i) + "]";
        data::ParallelTextFiles files = data.parallelSentences[i];
        files.queryFile = resolve(baseDir, files.queryFile);
        files.passageFile = resolve(baseDir, files.passageFile);
        Result<data::PairPool> pairs = data::readParallelText(files);
        if (!pairs) {
            problems.push_back({at, pairs.error().message});
            ok = false;
        } else if (Status merged = data::mergePairs(pairs.value(), pool, files.queryFile);
                   !merged) {
            problems.push_back({at, merged.error().message});
            ok = false;
        }
    }
    return ok;
}

/// Builds the pools; false when a problem stopped it.
bool buildData(const TrainingConfig& config, const fs::path& baseDir, TrainingData& out,
               std::vector<ConfigProblem>& problems) {
    const DataConfig& data = config.data;
    data::PairPool pool;
    if (!readQaPairs(config, baseDir, pool, problems)) return false;
    checkLanguagesHavePairs(data, pool, problems);
    if (data.maxGroups)
        pool = data::sampleGroups(pool, *data.maxGroups,
                                  train::deriveSeed(config.seed, kGroupSampleStream));
    data::PairSplit split =
        data::splitValidation(pool, data.validation.fraction, data.validation.languages,
                              train::deriveSeed(config.seed, kValidationStream));
    out.train = std::move(split.train);
    out.validation = std::move(split.validation);
    if (out.train.empty())
        problems.push_back({"$.data", "empty training set: the data holds no pairs"});
    if (data.validation.fraction > 0.0 && out.validation.empty())
        problems.push_back({"$.data.validation", "no validation pairs in the languages asked"});
    return readTranslation(data, baseDir, out.translation, problems) && !out.train.empty();
}

bool hasProblemUnder(const std::vector<ConfigProblem>& problems, const std::string& prefix) {
    return std::any_of(problems.begin(), problems.end(), [&](const ConfigProblem& problem) {
        return problem.path.rfind(prefix, 0) == 0;
    });
}

}  // namespace

ConfigCheck checkTrainingConfig(const ParsedTrainingConfig& parsed, const fs::path& baseDir) {
    ConfigCheck check;
    check.problems = parsed.problems;
    std::set<std::string> parsedPaths;
    for (const ConfigProblem& problem : parsed.problems) parsedPaths.insert(problem.path);
    const bool readable = !hasProblemUnder(parsed.problems, "$.data") &&
                          !hasProblemUnder(parsed.problems, "$.strategy");
    ConfigCheck checked = readable ? checkTrainingConfig(parsed.config, baseDir)
                                   : ConfigCheck{validate(parsed.config, baseDir), std::nullopt};
    for (ConfigProblem& problem : checked.problems)
        if (!parsedPaths.count(problem.path)) check.problems.push_back(std::move(problem));
    if (check.problems.empty()) check.data = std::move(checked.data);
    return check;
}

ConfigCheck checkTrainingConfig(const TrainingConfig& config, const fs::path& baseDir) {
    ConfigCheck check;
    check.problems = validate(config, baseDir);
    if (hasProblemUnder(check.problems, "$.data") || hasProblemUnder(check.problems, "$.strategy"))
        return check;  // reading data the config cannot describe would only add noise
    TrainingData data;
    const std::size_t before = check.problems.size();
    if (!buildData(config, baseDir, data, check.problems)) return check;
    for (ConfigProblem& problem : batchFitProblems(config, data))
        check.problems.push_back(std::move(problem));
    try {
        train::makeSampler(config.strategy, {&data.train, &data.translation}, config.seed);
    } catch (const std::invalid_argument& error) {
        check.problems.push_back({"$.strategy", error.what()});
    }
    if (check.problems.empty() && before == 0) check.data = std::move(data);
    return check;
}

}  // namespace mtrec::experiment
