#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <QString>

#include "experiment/training_config.h"
#include "problem_marks.h"

namespace mtrec::ui {

/// One run the form would queue, before checking: its config and the problems found reading the
/// strategy's own fields (text that is not a value), at their JSON paths.
struct StrategyRun {
    experiment::TrainingConfig config;
    std::vector<experiment::ConfigProblem> fieldProblems;
};

/// The seeds of a "13, 14, 15" field (commas and/or spaces between them). Each entry that is not
/// a non-negative integer, a seed given twice and an empty field are problems at $.seed.
std::vector<std::uint64_t> parseSeeds(const QString& text,
                                      std::vector<experiment::ConfigProblem>& problems);

/// Every problem of the runs, as `mtrec train` reports them: what reading the config it would
/// write gives (parseTrainingConfig(toJson(config))) and validate(config, baseDir), plus the field
/// problems. A problem of one strategy's own options ($.strategy.alpha, .schedule, .temperature,
/// .tasks, .cross_pair_per_batch, .name) carries that strategy; the others are listed once.
/// `shared` are the problems of fields every run shares (seeds included). No runs is the problem
/// "check at least one strategy" at $.strategy, and the shared parts are checked with `fallback`.
std::vector<FormProblem> checkRuns(const std::vector<StrategyRun>& runs,
                                   const std::vector<experiment::ConfigProblem>& shared,
                                   const experiment::TrainingConfig& fallback,
                                   const std::filesystem::path& baseDir);

/// The name of run (strategy, seed) of a form that queues `strategies` × `seeds` runs: the base
/// name alone for one run, else with "-<strategy>" when several strategies and "-s<seed>" when
/// several seeds, so every queued run has its own name.
std::string runName(const std::string& base, const std::string& strategy, std::uint64_t seed,
                    std::size_t strategies, std::size_t seeds);

/// "Queue 6 runs (2 strategies × 3 seeds)".
QString runButtonText(std::size_t strategies, std::size_t seeds);

}  // namespace mtrec::ui
