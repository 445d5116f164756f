#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "train/batch_sampler.h"
#include "train/sampler_random.h"
#include "train/strategy_spec.h"

namespace mtrec::train {

/// One task of a multitask run: what it is, and the sampler of its batches (owned).
struct TaskSampler {
    TaskSpec spec;
    std::unique_ptr<BatchSampler> sampler;
};

/// `multitask` (Chidambaram et al. 2019): several tasks, each with batches of its own (monolingual
/// QA, cross-lingual QA, translation ranking on parallel sentences), one task per batch. The
/// schedule picks the task: `round_robin` cycles the tasks in the given order (task i at batches
/// i, i + n, ...; the trainer takes one optimizer step per task batch, the paper's rule),
/// `proportional` draws task t with probability size_t / Σ size, `temperature` with
/// size_t^(1/T) / Σ size^(1/T) (T = 1 is proportional, large T tends to uniform), where size is
/// the task sampler's pairCount(). Kind: the task sampler's languages, branch "mono" / "cross" /
/// "translation" by the task's kind, task = its name, lossWeight = its weight.
class MultitaskSampler : public BatchSampler {
public:
    /// Throws std::invalid_argument on no tasks, a task name used twice, a weight <= 0, a null
    /// sampler, or a temperature <= 0 with the temperature schedule.
    MultitaskSampler(std::vector<TaskSampler> tasks, TaskSchedule schedule, double temperature,
                     std::uint64_t seed);

    Batch next() override;
    nlohmann::json state() const override;
    void restore(const nlohmann::json& state) override;
    std::size_t pairCount() const override;
    /// The sum of the tasks' epochs: one round-robin epoch lets every task see all its pairs at
    /// least once only when the tasks are about equal in size.
    std::size_t batchesPerEpoch() const override;

    /// The probability with which each task is drawn (round_robin: the share of batches, 1/n).
    std::vector<double> taskShares() const;
    const std::vector<TaskSampler>& tasks() const { return tasks_; }

private:
    std::size_t pickTask();

    std::vector<TaskSampler> tasks_;
    TaskSchedule schedule_;
    std::vector<double> weights_;  // the draw weights of proportional / temperature
    SamplerRandom random_;
    std::uint64_t batchIndex_ = 0;
};

/// The telemetry branch of a task kind: "mono", "cross", "translation".
const char* taskBranch(TaskKind kind);

}  // namespace mtrec::train
