#include "train/multitask_sampler.h"

#include <cmath>
#include <numeric>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "train/sampler_state.h"

namespace mtrec::train {
namespace {

const char* const kStrategy = "multitask";

std::vector<double> drawWeights(const std::vector<TaskSampler>& tasks, TaskSchedule schedule,
                                double temperature) {
    std::vector<double> weights;
    for (const TaskSampler& task : tasks) {
        const double size = double(task.sampler->pairCount());
        switch (schedule) {
            case TaskSchedule::RoundRobin:
                weights.push_back(1.0);
                break;
            case TaskSchedule::Proportional:
                weights.push_back(size);
                break;
            case TaskSchedule::Temperature:
                weights.push_back(std::pow(size, 1.0 / temperature));
                break;
        }
    }
    return weights;
}

}  // namespace

const char* taskBranch(TaskKind kind) {
    switch (kind) {
        case TaskKind::MonoQa:
            return "mono";
        case TaskKind::CrossQa:
            return "cross";
        case TaskKind::Translation:
            return "translation";
    }
    throw std::logic_error("taskBranch: unknown task kind");
}

MultitaskSampler::MultitaskSampler(std::vector<TaskSampler> tasks, TaskSchedule schedule,
                                   double temperature, std::uint64_t seed)
    : tasks_(std::move(tasks)), schedule_(schedule), random_(seed) {
    if (tasks_.empty()) throw std::invalid_argument("multitask sampler: no tasks");
    if (schedule_ == TaskSchedule::Temperature && !(temperature > 0.0))
        throw std::invalid_argument("multitask sampler: temperature must be > 0");
    std::set<std::string> names;
    for (const TaskSampler& task : tasks_) {
        if (!task.sampler)
            throw std::invalid_argument("multitask sampler: task '" + task.spec.name +
                                        "' has no sampler");
        if (!names.insert(task.spec.name).second)
            throw std::invalid_argument("multitask sampler: task name '" + task.spec.name +
                                        "' used twice");
        if (!(task.spec.weight > 0.0))
            throw std::invalid_argument("multitask sampler: task '" + task.spec.name +
                                        "' needs a weight > 0");
    }
    weights_ = drawWeights(tasks_, schedule_, temperature);
}

std::size_t MultitaskSampler::pickTask() {
    if (schedule_ == TaskSchedule::RoundRobin) return batchIndex_ % tasks_.size();
    return tasks_.size() == 1 ? 0 : random_.weighted(weights_);
}

Batch MultitaskSampler::next() {
    const TaskSampler& task = tasks_[pickTask()];
    ++batchIndex_;
    Batch batch = task.sampler->next();
    batch.kind.branch = taskBranch(task.spec.kind);
    batch.kind.task = task.spec.name;
    batch.kind.lossWeight = task.spec.weight;
    return batch;
}

nlohmann::json MultitaskSampler::state() const {
    nlohmann::json tasks = nlohmann::json::object();
    for (const TaskSampler& task : tasks_) tasks[task.spec.name] = task.sampler->state();
    return {{"strategy", kStrategy},
            {"random", random_.state()},
            {"batch", batchIndex_},
            {"tasks", tasks}};
}

void MultitaskSampler::restore(const nlohmann::json& state) {
    restoreSamplerState(kStrategy, state, [&] {
        const nlohmann::json& tasks = state.at("tasks");
        if (tasks.size() != tasks_.size())
            throw std::invalid_argument("sampler state (multitask): saved with " +
                                        std::to_string(tasks.size()) + " tasks, not " +
                                        std::to_string(tasks_.size()));
        SamplerRandom random = random_;
        random.restore(state.at("random").get<std::string>());
        const auto batchIndex = state.at("batch").get<std::uint64_t>();
        // Task samplers restore all-or-nothing each; check them all before changing any.
        std::vector<nlohmann::json> previous;
        for (const TaskSampler& task : tasks_) previous.push_back(task.sampler->state());
        try {
            for (TaskSampler& task : tasks_) task.sampler->restore(tasks.at(task.spec.name));
        } catch (...) {
            for (std::size_t i = 0; i < tasks_.size(); ++i) tasks_[i].sampler->restore(previous[i]);
            throw;
        }
        random_ = random;
        batchIndex_ = batchIndex;
    });
}

std::size_t MultitaskSampler::pairCount() const {
    std::size_t count = 0;
    for (const TaskSampler& task : tasks_) count += task.sampler->pairCount();
    return count;
}

std::size_t MultitaskSampler::batchesPerEpoch() const {
    std::size_t count = 0;
    for (const TaskSampler& task : tasks_) count += task.sampler->batchesPerEpoch();
    return count;
}

std::vector<double> MultitaskSampler::taskShares() const {
    const double total = std::accumulate(weights_.begin(), weights_.end(), 0.0);
    std::vector<double> shares;
    for (double weight : weights_) shares.push_back(weight / total);
    return shares;
}

}  // namespace mtrec::train
