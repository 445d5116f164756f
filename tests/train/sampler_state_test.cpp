// Epochs, seeds and state()/restore() of the samplers: a restored sampler continues exactly.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "train/mono_sampler.h"
#include "train/sampler_factory.h"
#include "train/sampler_random.h"
#include "train/validation_batches.h"
#include "train_fixtures.h"

namespace mtrec::train {
namespace {

using test::parallelPool;

const std::vector<std::string> kLanguages = {"de", "en", "zh"};

std::vector<const data::TrainingPair*> draw(BatchSampler& sampler, int batches,
                                            std::vector<BatchKind>* kinds = nullptr) {
    std::vector<const data::TrainingPair*> pairs;
    for (int i = 0; i < batches; ++i) {
        Batch batch = sampler.next();
        pairs.insert(pairs.end(), batch.pairs.begin(), batch.pairs.end());
        if (kinds) kinds->push_back(batch.kind);
    }
    return pairs;
}

StrategySpec specOf(StrategyName name) {
    StrategySpec spec;
    spec.name = name;
    spec.batchSize = 7;
    spec.alpha = 0.4;
    spec.schedule = TaskSchedule::Temperature;
    spec.temperature = 3.0;
    return spec;
}

TEST(Samplers, EachPoolIsReadWithoutReplacementWithinAnEpoch) {
    const data::PairPool pool = parallelPool({"en"}, 20);
    MonoSampler sampler(pool, 5, LanguageWeighting::Uniform, 17);
    for (int epoch = 0; epoch < 3; ++epoch) {
        std::set<std::string> groups;
        for (const data::TrainingPair* pair : draw(sampler, 4)) groups.insert(pair->groupId);
        EXPECT_EQ(groups.size(), 20u) << "epoch " << epoch;  // 4 x 5 pairs, all different
    }
}

TEST(Samplers, EpochsAreReshuffled) {
    const data::PairPool pool = parallelPool({"en"}, 50);
    MonoSampler sampler(pool, 50, LanguageWeighting::Uniform, 3);
    const auto first = draw(sampler, 1);
    const auto second = draw(sampler, 1);
    EXPECT_NE(first, second);
    EXPECT_EQ(std::set<const data::TrainingPair*>(first.begin(), first.end()),
              std::set<const data::TrainingPair*>(second.begin(), second.end()));
}

TEST(Samplers, SameSeedSameBatchesOtherSeedOtherBatches) {
    const data::PairPool pool = parallelPool(kLanguages, 40);
    for (StrategyName name : {StrategyName::Mono, StrategyName::Cross, StrategyName::Hybrid,
                              StrategyName::Multitask, StrategyName::Mixed}) {
        auto a = makeSampler(specOf(name), {&pool, nullptr}, 5);
        auto b = makeSampler(specOf(name), {&pool, nullptr}, 5);
        auto c = makeSampler(specOf(name), {&pool, nullptr}, 6);
        const auto fromA = draw(*a, 50);
        EXPECT_EQ(fromA, draw(*b, 50)) << strategyNameText(name);
        EXPECT_NE(fromA, draw(*c, 50)) << strategyNameText(name);
    }
}

TEST(Samplers, RestoredStateContinuesTheIdenticalSequence) {
    const data::PairPool pool = parallelPool(kLanguages, 40);
    const data::PairPool translation = test::translationPool("deu", "eng", 30);
    for (StrategyName name : {StrategyName::Mono, StrategyName::Cross, StrategyName::Hybrid,
                              StrategyName::Multitask, StrategyName::Mixed}) {
        const SamplerPools pools{&pool, &translation};
        auto original = makeSampler(specOf(name), pools, 21);
        draw(*original, 37);  // mid-epoch in some pools, past an epoch in others
        // Through text, as a checkpoint stores it.
        const std::string saved = original->state().dump();
        std::vector<BatchKind> expectedKinds;
        const auto expected = draw(*original, 200, &expectedKinds);

        auto resumed = makeSampler(specOf(name), pools, 21);
        resumed->restore(nlohmann::json::parse(saved));
        std::vector<BatchKind> kinds;
        EXPECT_EQ(draw(*resumed, 200, &kinds), expected) << strategyNameText(name);
        EXPECT_EQ(kinds, expectedKinds) << strategyNameText(name);
    }
}

TEST(Samplers, RestoreRefusesAnotherStrategysOrAnotherPoolsState) {
    const data::PairPool pool = parallelPool(kLanguages, 40);
    const data::PairPool smaller = parallelPool(kLanguages, 39);
    auto mono = makeSampler(specOf(StrategyName::Mono), {&pool, nullptr}, 1);
    auto cross = makeSampler(specOf(StrategyName::Cross), {&pool, nullptr}, 1);
    auto other = makeSampler(specOf(StrategyName::Mono), {&smaller, nullptr}, 1);
    EXPECT_THROW(mono->restore(cross->state()), std::invalid_argument);
    EXPECT_THROW(mono->restore(other->state()), std::invalid_argument);
    EXPECT_THROW(mono->restore(nlohmann::json::array()), std::invalid_argument);
    nlohmann::json broken = mono->state();
    broken["random"] = "not a state";
    EXPECT_THROW(mono->restore(broken), std::invalid_argument);
    // A refused state leaves the sampler as it was.
    auto twin = makeSampler(specOf(StrategyName::Mono), {&pool, nullptr}, 1);
    EXPECT_EQ(draw(*mono, 10), draw(*twin, 10));
}

TEST(SamplerRandom, DrawsAreExactAndUnbiased) {
    SamplerRandom random(42);
    std::vector<int> counts(3, 0);
    for (int i = 0; i < 30000; ++i) ++counts[random.index(3)];
    for (int count : counts) EXPECT_NEAR(count, 10000, 400);  // sd 82
    const std::string saved = random.state();
    const double next = random.unit();
    SamplerRandom copy(0);
    copy.restore(saved);
    EXPECT_EQ(copy.unit(), next);
    EXPECT_NE(deriveSeed(1, 0), deriveSeed(1, 1));
    EXPECT_NE(deriveSeed(1, 0), deriveSeed(2, 0));
}

TEST(ValidationBatches, FullSizeBatchesOfEachLanguagePool) {
    const data::PairPool pool = parallelPool({"en", "de"}, 10);  // 4 pools of 10
    const std::vector<Batch> batches = validationBatches(pool, 4);
    ASSERT_EQ(batches.size(), 12u);  // 10 pairs -> 0-3, 4-7, 8 9 0 1
    for (const Batch& batch : batches) {
        EXPECT_EQ(batch.pairs.size(), 4u);
        EXPECT_TRUE(test::groupsDistinct(batch));
    }
    EXPECT_EQ(batches[0].kind.label(), "mono de-de");
    EXPECT_EQ(batches[3].kind.label(), "cross de-en");
    const std::vector<data::TrainingPair>& deEn = pool.pairs({"de", "en"});
    EXPECT_EQ(batches[3].pairs[0], &deEn[0]);
    const std::vector<const data::TrainingPair*> wrapped = {&deEn[8], &deEn[9], &deEn[0],
                                                            &deEn[1]};
    EXPECT_EQ(batches[5].pairs, wrapped);
    // A pool smaller than the batch is one batch of all its pairs.
    const std::vector<Batch> small = validationBatches(parallelPool({"en"}, 3), 8);
    ASSERT_EQ(small.size(), 1u);
    EXPECT_EQ(small[0].pairs.size(), 3u);
}

}  // namespace
}  // namespace mtrec::train
