// Composition of the five strategies over many seeded batches (DESIGN §2). The seeds are fixed, so
// every test is deterministic; the tolerances say how far a correct sampler may stray by chance.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "train/cross_sampler.h"
#include "train/hybrid_sampler.h"
#include "train/mixed_sampler.h"
#include "train/mono_sampler.h"
#include "train/multitask_sampler.h"
#include "train/sampler_factory.h"
#include "train_fixtures.h"

namespace mtrec::train {
namespace {

using test::chiSquare;
using test::groupsDistinct;
using test::parallelPool;

const std::vector<std::string> kLanguages = {"ar", "de", "en", "es"};
// Chi-square critical values at p = 0.001 (a correct sampler fails one seed in a thousand).
constexpr double kChi2Df3 = 16.266;
constexpr double kChi2Df11 = 31.264;

TEST(MonoSampler, EveryBatchIsOneLanguageAndLanguagesAreUniform) {
    const data::PairPool pool = parallelPool(kLanguages, 300, {{"ar", 60}});
    MonoSampler sampler(pool, 16, LanguageWeighting::Uniform, 7);
    std::map<std::string, double> batchesOf;
    for (int i = 0; i < 10000; ++i) {
        const Batch batch = sampler.next();
        ASSERT_EQ(batch.pairs.size(), 16u);
        EXPECT_EQ(batch.kind.branch, "mono");
        EXPECT_EQ(batch.kind.queryLang, batch.kind.candidateLang);
        for (const data::TrainingPair* pair : batch.pairs) {
            ASSERT_EQ(pair->queryLang, batch.kind.queryLang);
            ASSERT_EQ(pair->passageLang, batch.kind.queryLang);
        }
        ASSERT_TRUE(groupsDistinct(batch));
        batchesOf[batch.kind.queryLang] += 1;
    }
    ASSERT_EQ(batchesOf.size(), 4u);
    // Uniform although ar has a fifth of the pairs: chi-square with 3 degrees of freedom.
    const std::vector<double> observed = {batchesOf["ar"], batchesOf["de"], batchesOf["en"],
                                          batchesOf["es"]};
    EXPECT_LT(chiSquare(observed, {0.25, 0.25, 0.25, 0.25}), kChi2Df3);
}

TEST(MonoSampler, SizeWeightingFollowsPoolSizes) {
    const data::PairPool pool = parallelPool(kLanguages, 300, {{"ar", 60}});
    MonoSampler sampler(pool, 8, LanguageWeighting::Size, 11);
    std::map<std::string, double> batchesOf;
    for (int i = 0; i < 10000; ++i) batchesOf[sampler.next().kind.queryLang] += 1;
    const double total = 60 + 3 * 300;
    EXPECT_LT(chiSquare({batchesOf["ar"], batchesOf["de"], batchesOf["en"], batchesOf["es"]},
                        {60 / total, 300 / total, 300 / total, 300 / total}),
              kChi2Df3);
    EXPECT_LT(batchesOf["ar"], 1000);  // about 625 expected, against 2500 if uniform
}

TEST(CrossSampler, EveryPairIsCrossLingualAndPairsAreUniform) {
    const data::PairPool pool = parallelPool(kLanguages, 200);
    CrossSampler sampler(pool, {16, LanguageWeighting::Uniform, false, {}}, 3);
    std::map<std::string, double> pairsOf;
    for (int i = 0; i < 5000; ++i) {
        const Batch batch = sampler.next();
        ASSERT_EQ(batch.pairs.size(), 16u);
        EXPECT_EQ(batch.kind.branch, "cross");
        EXPECT_EQ(batch.kind.queryLang, kAnyLanguage);
        EXPECT_EQ(batch.kind.candidateLang, kAnyLanguage);
        ASSERT_TRUE(groupsDistinct(batch));
        for (const data::TrainingPair* pair : batch.pairs) {
            ASSERT_NE(pair->queryLang, pair->passageLang);
            pairsOf[pair->queryLang + "-" + pair->passageLang] += 1;
        }
    }
    ASSERT_EQ(pairsOf.size(), 12u);
    std::vector<double> observed;
    for (const auto& [languages, count] : pairsOf) observed.push_back(count);
    EXPECT_LT(chiSquare(observed, std::vector<double>(12, 1.0 / 12)), kChi2Df11);
}

TEST(CrossSampler, OneLanguagePairPerBatchWhenAsked) {
    const data::PairPool pool = parallelPool(kLanguages, 50);
    CrossSampler sampler(pool, {8, LanguageWeighting::Uniform, true, {}}, 5);
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        const Batch batch = sampler.next();
        ASSERT_NE(batch.kind.queryLang, batch.kind.candidateLang);
        ASSERT_NE(batch.kind.queryLang, kAnyLanguage);
        for (const data::TrainingPair* pair : batch.pairs) {
            ASSERT_EQ(pair->queryLang, batch.kind.queryLang);
            ASSERT_EQ(pair->passageLang, batch.kind.candidateLang);
        }
        seen.insert(batch.kind.label());
    }
    EXPECT_EQ(seen.size(), 12u);
}

TEST(HybridSampler, AlphaPointThreeGivesThatShareOfMonoBatches) {
    const data::PairPool pool = parallelPool(kLanguages, 200);
    HybridSampler sampler(pool, {8, 0.3, LanguageWeighting::Uniform, false}, 2024);
    int mono = 0;
    for (int i = 0; i < 10000; ++i) {
        const Batch batch = sampler.next();
        ASSERT_TRUE(groupsDistinct(batch));
        const bool isMono = batch.kind.branch == "mono";
        ASSERT_TRUE(isMono || batch.kind.branch == "cross");
        for (const data::TrainingPair* pair : batch.pairs)
            ASSERT_EQ(pair->monolingual(), isMono);  // one batch = one kind
        mono += isMono;
    }
    // Binomial standard deviation sqrt(0.3 * 0.7 / 10000) = 0.0046: +-0.02 is 4.4 of them.
    EXPECT_NEAR(mono / 10000.0, 0.3, 0.02);
}

TEST(HybridSampler, SizeAlphaIsTheMonoShareOfPairs) {
    // 4 languages fully parallel: 4 mono pools and 12 cross pools of equal size -> 4/16.
    const data::PairPool pool = parallelPool(kLanguages, 100);
    HybridSampler sampler(pool, {8, std::nullopt, LanguageWeighting::Uniform, false}, 9);
    EXPECT_DOUBLE_EQ(sampler.alpha(), 0.25);
    int mono = 0;
    for (int i = 0; i < 10000; ++i) mono += sampler.next().kind.branch == "mono";
    EXPECT_NEAR(mono / 10000.0, 0.25, 0.02);
}

TEST(HybridSampler, AlphaOneNeedsNoCrossPairsAndAlphaZeroNoMono) {
    const data::PairPool monoOnly = parallelPool({"en"}, 20);
    HybridSampler allMono(monoOnly, {4, 1.0, LanguageWeighting::Uniform, false}, 1);
    for (int i = 0; i < 100; ++i) EXPECT_EQ(allMono.next().kind.branch, "mono");
    EXPECT_THROW(HybridSampler(monoOnly, {4, 0.5, LanguageWeighting::Uniform, false}, 1),
                 std::invalid_argument);
    EXPECT_THROW(HybridSampler(monoOnly, {4, 1.5, LanguageWeighting::Uniform, false}, 1),
                 std::invalid_argument);
}

std::vector<TaskSampler> threeTasks(const data::PairPool& qa, const data::PairPool& translation) {
    std::vector<TaskSampler> tasks;
    tasks.push_back({{"mono_qa", TaskKind::MonoQa, 1.0},
                     std::make_unique<MonoSampler>(qa, 8, LanguageWeighting::Uniform, 1)});
    tasks.push_back({{"cross_qa", TaskKind::CrossQa, 0.5},
                     std::make_unique<CrossSampler>(
                         qa, CrossOptions{8, LanguageWeighting::Uniform, false, {}}, 2)});
    tasks.push_back(
        {{"tatoeba", TaskKind::Translation, 2.0},
         std::make_unique<CrossSampler>(
             translation,
             CrossOptions{8, LanguageWeighting::Uniform, true, translation.languagePairs()}, 3)});
    return tasks;
}

TEST(MultitaskSampler, RoundRobinCyclesTheTasksExactly) {
    const data::PairPool qa = parallelPool(kLanguages, 100);
    const data::PairPool translation = test::translationPool("deu", "eng", 300);
    MultitaskSampler sampler(threeTasks(qa, translation), TaskSchedule::RoundRobin, 1.0, 4);
    const std::vector<std::string> names = {"mono_qa", "cross_qa", "tatoeba"};
    const std::vector<std::string> branches = {"mono", "cross", "translation"};
    const std::vector<double> weights = {1.0, 0.5, 2.0};
    for (int i = 0; i < 3000; ++i) {
        const Batch batch = sampler.next();
        ASSERT_EQ(batch.kind.task, names[i % 3]) << "batch " << i;
        ASSERT_EQ(batch.kind.branch, branches[i % 3]);
        ASSERT_EQ(batch.kind.lossWeight, weights[i % 3]);
        ASSERT_TRUE(groupsDistinct(batch));
        for (const data::TrainingPair* pair : batch.pairs) {
            if (i % 3 == 0) {
                ASSERT_TRUE(pair->monolingual());
            } else if (i % 3 == 1) {
                ASSERT_FALSE(pair->monolingual());
            } else {
                ASSERT_EQ(pair->queryLang + pair->passageLang, "deueng");
            }
        }
    }
}

TEST(MultitaskSampler, ProportionalAndTemperatureSchedulesFollowTaskSizes) {
    const data::PairPool qa = parallelPool(kLanguages, 100);  // mono 400, cross 1200 pairs
    const data::PairPool translation = test::translationPool("deu", "eng", 400);
    for (const auto& [schedule, temperature] : std::vector<std::pair<TaskSchedule, double>>{
             {TaskSchedule::Proportional, 1.0}, {TaskSchedule::Temperature, 2.0}}) {
        MultitaskSampler sampler(threeTasks(qa, translation), schedule, temperature, 8);
        // Proportional: 400 : 1200 : 400. T = 2: 20 : 34.64 : 20.
        const std::vector<double> expected =
            temperature == 1.0 ? std::vector<double>{0.2, 0.6, 0.2}
                               : std::vector<double>{20 / 74.641, 34.641 / 74.641, 20 / 74.641};
        const std::vector<double> shares = sampler.taskShares();
        for (std::size_t t = 0; t < 3; ++t) EXPECT_NEAR(shares[t], expected[t], 1e-4);
        std::map<std::string, double> count;
        for (int i = 0; i < 10000; ++i) count[sampler.next().kind.task] += 1;
        EXPECT_LT(chiSquare({count["mono_qa"], count["cross_qa"], count["tatoeba"]}, expected),
                  13.816);  // 2 degrees of freedom, p = 0.001
    }
}

TEST(MixedSampler, EveryBatchHoldsTheAskedProportion) {
    const data::PairPool pool = parallelPool(kLanguages, 200);
    MixedSampler exact(pool, {10, 0.3, LanguageWeighting::Uniform}, 12);
    for (int i = 0; i < 2000; ++i) {
        const Batch batch = exact.next();
        ASSERT_EQ(batch.pairs.size(), 10u);
        ASSERT_TRUE(groupsDistinct(batch));
        EXPECT_EQ(batch.kind.branch, "mixed");
        EXPECT_EQ(batch.kind.queryLang, kAnyLanguage);
        int mono = 0;
        for (const data::TrainingPair* pair : batch.pairs) mono += pair->monolingual();
        ASSERT_EQ(mono, 3) << "batch " << i;
    }
    // 0.25 x 10 = 2.5 per batch: batches alternate 3, 2 (round half up) and every prefix of k
    // batches holds round(2.5 k) mono pairs.
    MixedSampler fractional(pool, {10, 0.25, LanguageWeighting::Uniform}, 13);
    int total = 0;
    for (int k = 1; k <= 1000; ++k) {
        int mono = 0;
        for (const data::TrainingPair* pair : fractional.next().pairs) mono += pair->monolingual();
        ASSERT_TRUE(mono == 2 || mono == 3);
        total += mono;
        ASSERT_EQ(total, static_cast<int>(std::floor(2.5 * k + 0.5))) << "after " << k;
    }
}

TEST(MixedSampler, MonoOneLanguageDrawsOneLanguagePerBatchForItsMonoPart) {
    const data::PairPool pool = parallelPool(kLanguages, 200);
    MixedSampler sampler(pool, {10, 0.5, LanguageWeighting::Uniform, true}, 21);
    std::map<std::string, double> batchesOf;
    for (int i = 0; i < 4000; ++i) {
        const Batch batch = sampler.next();
        ASSERT_EQ(batch.pairs.size(), 10u);
        ASSERT_TRUE(groupsDistinct(batch));
        std::set<std::string> monoLanguages;
        int cross = 0;
        for (const data::TrainingPair* pair : batch.pairs)
            pair->monolingual() ? void(monoLanguages.insert(pair->queryLang)) : void(++cross);
        ASSERT_EQ(monoLanguages.size(), 1u) << "batch " << i;
        ASSERT_EQ(cross, 5);
        ++batchesOf[*monoLanguages.begin()];
    }
    EXPECT_LT(chiSquare({batchesOf["ar"], batchesOf["de"], batchesOf["en"], batchesOf["es"]},
                        {0.25, 0.25, 0.25, 0.25}),
              kChi2Df3);
    // A language with fewer pairs than a batch's mono part cannot fill it from one language.
    const data::PairPool small = parallelPool(kLanguages, 200, {{"ar", 4}});
    EXPECT_THROW(MixedSampler(small, {10, 0.5, LanguageWeighting::Uniform, true}, 1),
                 std::invalid_argument);
    EXPECT_NO_THROW(MixedSampler(small, {10, 0.5, LanguageWeighting::Uniform, false}, 1));
}

TEST(Samplers, NoGroupTwiceInABatchEvenWhenPoolsAreSmall) {
    // 12 groups and batch 10: cross pairs drawn per pair collide often.
    const data::PairPool pool = parallelPool(kLanguages, 12);
    for (StrategyName name : {StrategyName::Mono, StrategyName::Cross, StrategyName::Hybrid,
                              StrategyName::Multitask, StrategyName::Mixed}) {
        StrategySpec spec;
        spec.name = name;
        spec.batchSize = 10;
        auto sampler = makeSampler(spec, {&pool, nullptr}, 99);
        for (int i = 0; i < 2000; ++i) {
            const Batch batch = sampler->next();
            ASSERT_TRUE(groupsDistinct(batch)) << strategyNameText(name) << " batch " << i;
            ASSERT_EQ(batch.pairs.size(), 10u) << strategyNameText(name) << " batch " << i;
        }
    }
}

TEST(Samplers, APoolSmallerThanTheBatchGivesAllItsPairs) {
    const data::PairPool pool = parallelPool({"en"}, 3);
    MonoSampler sampler(pool, 8, LanguageWeighting::Uniform, 1);
    for (int i = 0; i < 5; ++i) {
        const Batch batch = sampler.next();
        EXPECT_EQ(batch.pairs.size(), 3u);
        EXPECT_TRUE(groupsDistinct(batch));
    }
}

}  // namespace
}  // namespace mtrec::train
