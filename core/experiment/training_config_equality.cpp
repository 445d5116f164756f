// TrainingConfig's equality, field by field (what the JSON round trip is tested against).
#include <algorithm>
#include <tuple>

#include "experiment/training_config.h"

namespace mtrec::experiment {
namespace {

bool same(const data::ParallelTextFiles& a, const data::ParallelTextFiles& b) {
    return std::tie(a.queryFile, a.passageFile, a.queryLang, a.passageLang) ==
           std::tie(b.queryFile, b.passageFile, b.queryLang, b.passageLang);
}

bool same(const DataConfig& a, const DataConfig& b) {
    if (!std::equal(a.parallelSentences.begin(), a.parallelSentences.end(),
                    b.parallelSentences.begin(), b.parallelSentences.end(),
                    [](const auto& x, const auto& y) { return same(x, y); }))
        return false;
    const auto fields = [](const DataConfig& d) {
        return std::tie(d.parallelQaFolder, d.parallelQaFiles, d.languages, d.answerUnit,
                        d.maxGroups, d.jsonlFiles, d.validation.fraction, d.validation.languages);
    };
    return fields(a) == fields(b);
}

bool same(const text::SentencePieceTrainOptions& a, const text::SentencePieceTrainOptions& b) {
    const auto fields = [](const text::SentencePieceTrainOptions& o) {
        return std::tie(o.modelType, o.vocabSize, o.characterCoverage, o.hardVocabLimit,
                        o.byteFallback, o.normalization, o.maxSentences, o.maxSentenceBytes, o.seed,
                        o.numThreads, o.verbose);
    };
    return fields(a) == fields(b);
}

bool same(const TokenizerConfig& a, const TokenizerConfig& b) {
    if (a.train.has_value() != b.train.has_value()) return false;
    if (a.train && !same(*a.train, *b.train)) return false;
    const auto fields = [](const TokenizerConfig& t) {
        const text::BatchEncodingOptions& e = t.encoding;
        return std::tie(t.path, e.maxLength, e.padding, e.addSpecialTokens, e.usePrefixes,
                        e.queryPrefix, e.passagePrefix);
    };
    return fields(a) == fields(b);
}

bool same(const ModelConfig& a, const ModelConfig& b) {
    return std::tie(a.hfFolder, a.encoder, a.vocabSize, a.padId, a.maxPositions) ==
           std::tie(b.hfFolder, b.encoder, b.vocabSize, b.padId, b.maxPositions);
}

bool same(const train::StrategySpec& a, const train::StrategySpec& b) {
    const auto task = [](const train::TaskSpec& t) { return std::tie(t.name, t.kind, t.weight); };
    if (!std::equal(a.tasks.begin(), a.tasks.end(), b.tasks.begin(), b.tasks.end(),
                    [&](const auto& x, const auto& y) { return task(x) == task(y); }))
        return false;
    const auto fields = [](const train::StrategySpec& s) {
        return std::tie(s.name, s.batchSize, s.alpha, s.languageWeighting, s.crossPairPerBatch,
                        s.monoOneLanguage, s.schedule, s.temperature, s.equalQaBudget,
                        s.hardNegatives, s.symmetric, s.tau);
    };
    return fields(a) == fields(b);
}

bool same(const OptimizerConfig& a, const OptimizerConfig& b) {
    const auto fields = [](const OptimizerConfig& o) {
        return std::tie(o.lr, o.weightDecay, o.warmupSteps, o.clipNorm, o.steps, o.epochs,
                        o.evalEvery, o.earlyStoppingPatience, o.checkpointEvery, o.keepCheckpoints,
                        o.selectBy);
    };
    return fields(a) == fields(b);
}

bool same(const EvaluationSuiteConfig& a, const EvaluationSuiteConfig& b) {
    return std::tie(a.suite, a.data, a.languages, a.allowOverlap) ==
           std::tie(b.suite, b.data, b.languages, b.allowOverlap);
}

}  // namespace

bool operator==(const TrainingConfig& a, const TrainingConfig& b) {
    return std::tie(a.version, a.name, a.seed, a.threads, a.precision) ==
               std::tie(b.version, b.name, b.seed, b.threads, b.precision) &&
           same(a.data, b.data) && same(a.tokenizer, b.tokenizer) && same(a.model, b.model) &&
           same(a.strategy, b.strategy) && same(a.optimizer, b.optimizer) &&
           std::equal(a.evaluation.begin(), a.evaluation.end(), b.evaluation.begin(),
                      b.evaluation.end(), [](const auto& x, const auto& y) { return same(x, y); });
}

bool operator!=(const TrainingConfig& a, const TrainingConfig& b) {
    return !(a == b);
}

}  // namespace mtrec::experiment
