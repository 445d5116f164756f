#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "experiment/training_run.h"
#include "test_support.h"

namespace mtrec::test {

/// A tiny parallel QA corpus (integration/train_fixture.h) in a temporary folder, with a training
/// config over it and a database, for running the training jobs in process.
class JobFixture {
public:
    JobFixture();

    /// tinyTrainingConfig over the corpus: hybrid, batch 8, a checkpoint every 10 steps, `steps`
    /// steps, without evaluation unless `evaluate`.
    nlohmann::json config(std::size_t steps, bool evaluate = false) const;
    /// Options writing into `output` (under the temporary folder) and the fixture's database.
    experiment::TrainingRunOptions options(const std::string& output) const;

    Result<experiment::TrainingRunOutcome> start(const nlohmann::json& config,
                                                 const experiment::TrainingRunOptions& options,
                                                 const ProgressSink& progress = {},
                                                 const CancelToken& cancel = {}) const;

    const std::filesystem::path& root() const { return dir_.path(); }
    std::string database() const { return (dir_.path() / "runs.db").string(); }

private:
    TempDir dir_;
};

/// Every report of a job, in order.
struct ProgressLog {
    std::vector<Progress> reports;
    ProgressSink sink() {
        return [this](const Progress& progress) { reports.push_back(progress); };
    }
    /// The losses of the Training reports of steps (step > 0), in order.
    std::vector<double> losses() const;
    std::vector<std::size_t> steps() const;
};

}  // namespace mtrec::test
