#include "job_fixture.h"

#include <fstream>

#include "integration/train_fixture.h"

namespace mtrec::test {

JobFixture::JobFixture() {
    writeTinyQaCorpus(dir_.path() / "qa");
}

nlohmann::json JobFixture::config(std::size_t steps, bool evaluate) const {
    nlohmann::json config = tinyTrainingConfig(dir_.path() / "qa");
    config["optimizer"]["steps"] = steps;
    if (!evaluate) config.erase("evaluation");
    return config;
}

experiment::TrainingRunOptions JobFixture::options(const std::string& output) const {
    experiment::TrainingRunOptions options;
    options.databasePath = database();
    options.outputDir = (dir_.path() / output).string();
    return options;
}

Result<experiment::TrainingRunOutcome> JobFixture::start(
    const nlohmann::json& config, const experiment::TrainingRunOptions& options,
    const ProgressSink& progress, const CancelToken& cancel) const {
    const std::filesystem::path file = dir_.write("config.json", config.dump(2));
    Result<experiment::TrainingRunCheck> checked = experiment::checkTrainingRun(file.string(), {});
    if (!checked) return checked.error();
    return experiment::startTrainingRun(std::move(checked).value(), options, progress, cancel);
}

std::vector<double> ProgressLog::losses() const {
    std::vector<double> losses;
    for (const Progress& report : reports)
        if (report.phase == Phase::Training && report.step > 0) losses.push_back(report.loss);
    return losses;
}

std::vector<std::size_t> ProgressLog::steps() const {
    std::vector<std::size_t> steps;
    for (const Progress& report : reports)
        if (report.phase == Phase::Training && report.step > 0) steps.push_back(report.step);
    return steps;
}

}  // namespace mtrec::test
