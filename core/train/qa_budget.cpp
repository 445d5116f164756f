#include "train/qa_budget.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace mtrec::train {
namespace {

bool isQa(const TaskSpec& task) { return task.kind != TaskKind::Translation; }

}  // namespace

std::size_t optimizerSteps(const StrategySpec& spec, std::size_t steps, bool hasTranslation) {
    if (spec.name != StrategyName::Multitask || !spec.equalQaBudget) return steps;
    const std::vector<TaskSpec> tasks = spec.tasks.empty() ? defaultTasks(hasTranslation) : spec.tasks;
    const auto qaTasks = static_cast<std::size_t>(std::count_if(tasks.begin(), tasks.end(), isQa));
    if (qaTasks == 0)
        throw std::invalid_argument("equal QA budget: the multitask strategy has no QA task");
    std::size_t total = steps / qaTasks * tasks.size();
    // The last, partial cycle: up to and including its (steps mod qaTasks)-th QA task.
    for (std::size_t left = steps % qaTasks, i = 0; left > 0; ++i, ++total)
        if (isQa(tasks[i])) --left;
    return total;
}

}  // namespace mtrec::train
