#include "train/sampler_factory.h"

#include <stdexcept>

#include "train/cross_sampler.h"
#include "train/hybrid_sampler.h"
#include "train/mixed_sampler.h"
#include "train/mono_sampler.h"
#include "train/multitask_sampler.h"

namespace mtrec::train {
namespace {

const data::PairPool& qaPool(const SamplerPools& pools) {
    if (!pools.qa) throw std::invalid_argument("makeSampler: no QA pairs");
    return *pools.qa;
}

std::unique_ptr<BatchSampler> taskSampler(const StrategySpec& spec, const TaskSpec& task,
                                          const SamplerPools& pools, std::uint64_t seed) {
    switch (task.kind) {
        case TaskKind::MonoQa:
            return std::make_unique<MonoSampler>(qaPool(pools), spec.batchSize,
                                                 spec.languageWeighting, seed);
        case TaskKind::CrossQa:
            return std::make_unique<CrossSampler>(
                qaPool(pools),
                CrossOptions{spec.batchSize, spec.languageWeighting, spec.crossPairPerBatch, {}},
                seed);
        case TaskKind::Translation:
            if (!pools.translation || pools.translation->empty())
                throw std::invalid_argument("makeSampler: task '" + task.name +
                                            "' needs parallel sentences, and there are none");
            // One language pair per batch: a batch ranks translations of one direction.
            return std::make_unique<CrossSampler>(
                *pools.translation,
                CrossOptions{spec.batchSize, spec.languageWeighting, true,
                             pools.translation->languagePairs()},
                seed);
    }
    throw std::logic_error("makeSampler: unknown task kind");
}

std::unique_ptr<BatchSampler> multitask(const StrategySpec& spec, const SamplerPools& pools,
                                        std::uint64_t seed) {
    const std::vector<TaskSpec> specs =
        spec.tasks.empty() ? defaultTasks(pools.translation && !pools.translation->empty())
                           : spec.tasks;
    std::vector<TaskSampler> tasks;
    for (std::size_t i = 0; i < specs.size(); ++i)
        tasks.push_back({specs[i], taskSampler(spec, specs[i], pools, deriveSeed(seed, i + 1))});
    return std::make_unique<MultitaskSampler>(std::move(tasks), spec.schedule, spec.temperature,
                                              deriveSeed(seed, 0));
}

}  // namespace

std::unique_ptr<BatchSampler> makeSampler(const StrategySpec& spec, const SamplerPools& pools,
                                          std::uint64_t seed) {
    switch (spec.name) {
        case StrategyName::Mono:
            return std::make_unique<MonoSampler>(qaPool(pools), spec.batchSize,
                                                 spec.languageWeighting, seed);
        case StrategyName::Cross:
            return std::make_unique<CrossSampler>(
                qaPool(pools),
                CrossOptions{spec.batchSize, spec.languageWeighting, spec.crossPairPerBatch, {}},
                seed);
        case StrategyName::Hybrid:
            return std::make_unique<HybridSampler>(
                qaPool(pools),
                HybridOptions{spec.batchSize, spec.alpha, spec.languageWeighting,
                              spec.crossPairPerBatch},
                seed);
        case StrategyName::Mixed:
            return std::make_unique<MixedSampler>(
                qaPool(pools),
                MixedOptions{spec.batchSize, spec.alpha, spec.languageWeighting,
                             spec.monoOneLanguage},
                seed);
        case StrategyName::Multitask:
            return multitask(spec, pools, seed);
    }
    throw std::logic_error("makeSampler: unknown strategy");
}

}  // namespace mtrec::train
