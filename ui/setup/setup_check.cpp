#include "setup_check.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace mtrec::ui {
namespace {

using experiment::ConfigProblem;

bool strategyOwn(const std::string& path) {
    for (const char* prefix :
         {"$.strategy.alpha", "$.strategy.schedule", "$.strategy.temperature", "$.strategy.tasks",
          "$.strategy.cross_pair_per_batch", "$.strategy.name"})
        if (path.rfind(prefix, 0) == 0) return true;
    return false;
}

void addOnce(std::vector<FormProblem>& out, FormProblem problem) {
    if (std::find(out.begin(), out.end(), problem) == out.end()) out.push_back(std::move(problem));
}

void addAll(std::vector<FormProblem>& out, const std::vector<ConfigProblem>& problems,
            const std::string& strategy, bool dropStrategy = false) {
    for (const ConfigProblem& problem : problems) {
        if (dropStrategy && problem.path.rfind("$.strategy", 0) == 0) continue;
        addOnce(out, {problem.path, problem.message, strategyOwn(problem.path) ? strategy : ""});
    }
}

/// What `mtrec train` reports for `config`: the reader's problems on the JSON the form would
/// save, then validate's.
std::vector<ConfigProblem> cliProblems(const experiment::TrainingConfig& config,
                                       const std::filesystem::path& baseDir) {
    std::vector<ConfigProblem> problems =
        experiment::parseTrainingConfig(experiment::toJson(config)).problems;
    for (ConfigProblem& problem : experiment::validate(config, baseDir))
        problems.push_back(std::move(problem));
    return problems;
}

}  // namespace

std::vector<std::uint64_t> parseSeeds(const QString& text, std::vector<ConfigProblem>& problems) {
    std::vector<std::uint64_t> seeds;
    const QStringList parts =
        text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    if (parts.isEmpty()) problems.push_back({"$.seed", "give at least one seed, e.g. 13, 14, 15"});
    for (const QString& part : parts) {
        bool ok = false;
        const qulonglong seed = part.toULongLong(&ok);
        if (!ok)
            problems.push_back(
                {"$.seed", "'" + part.toStdString() + "' is not a seed (a non-negative integer)"});
        else if (std::find(seeds.begin(), seeds.end(), seed) != seeds.end())
            problems.push_back({"$.seed", "seed " + part.toStdString() + " given twice"});
        else
            seeds.push_back(seed);
    }
    return seeds;
}

std::vector<FormProblem> checkRuns(const std::vector<StrategyRun>& runs,
                                   const std::vector<ConfigProblem>& shared,
                                   const experiment::TrainingConfig& fallback,
                                   const std::filesystem::path& baseDir) {
    std::vector<FormProblem> out;
    addAll(out, shared, "");
    if (runs.empty()) {
        addOnce(out, {"$.strategy", "check at least one strategy to compare", ""});
        addAll(out, cliProblems(fallback, baseDir), "", true);
    }
    for (const StrategyRun& run : runs) {
        const std::string strategy = train::strategyNameText(run.config.strategy.name);
        addAll(out, run.fieldProblems, strategy);
        addAll(out, cliProblems(run.config, baseDir), strategy);
    }
    return out;
}

std::string runName(const std::string& base, const std::string& strategy, std::uint64_t seed,
                    std::size_t strategies, std::size_t seeds) {
    std::string name = base;
    if (strategies > 1) name += "-" + strategy;
    if (seeds > 1) name += "-s" + std::to_string(seed);
    return name;
}

QString runButtonText(std::size_t strategies, std::size_t seeds) {
    const std::size_t runs = strategies * seeds;
    return QObject::tr("Queue %1 %2 (%3 %4 × %5 %6)")
        .arg(runs)
        .arg(runs == 1 ? QObject::tr("run") : QObject::tr("runs"))
        .arg(strategies)
        .arg(strategies == 1 ? QObject::tr("strategy") : QObject::tr("strategies"))
        .arg(seeds)
        .arg(seeds == 1 ? QObject::tr("seed") : QObject::tr("seeds"));
}

}  // namespace mtrec::ui
