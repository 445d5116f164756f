#include "experiment/config_choices.h"

#include <iterator>
#include <stdexcept>

#include "eval/display_names.h"
#include "experiment/suite_loader.h"

namespace mtrec::experiment {
namespace {

using train::StrategyName;
using train::TaskKind;
using train::TaskSchedule;

/// A choice of a train:: enum, keyed by the train library's own text for it.
template <typename Enum>
Choice<Enum> named(Enum value, const char* (*text)(Enum), const char* displayName) {
    return {value, text(value), displayName};
}

}  // namespace

const Choices<StrategyName>& strategyChoices() {
    using train::strategyNameText;
    static const Choices<StrategyName> choices = {
        named(StrategyName::Mono, strategyNameText, "Mono (monolingual batches)"),
        named(StrategyName::Cross, strategyNameText, "Cross (cross-lingual batches)"),
        named(StrategyName::Hybrid, strategyNameText, "Hybrid (mono or cross batches, alpha)"),
        named(StrategyName::Multitask, strategyNameText, "Multitask (a batch per task)"),
        named(StrategyName::Mixed, strategyNameText, "Mixed (mono and cross pairs per batch)")};
    return choices;
}

const Choices<train::SelectionMeasure>& selectionMeasureChoices() {
    using train::SelectionMeasure;
    static const Choices<SelectionMeasure> choices = {
        named(SelectionMeasure::Loss, train::selectionMeasureText, "Lowest validation loss"),
        named(SelectionMeasure::CrossMrr, train::selectionMeasureText,
              "Highest validation cross-lingual MRR"),
        named(SelectionMeasure::Last, train::selectionMeasureText, "The last step")};
    return choices;
}

const Choices<model::MatmulPrecision>& precisionChoices() {
    using model::MatmulPrecision;
    static const Choices<MatmulPrecision> choices = {
        named(MatmulPrecision::Fp32, model::matmulPrecisionText, "float32"),
        named(MatmulPrecision::Bf16, model::matmulPrecisionText,
              "bfloat16 GEMMs in the Linear layers (mixed precision)")};
    return choices;
}

const Choices<TaskSchedule>& scheduleChoices() {
    using train::scheduleText;
    static const Choices<TaskSchedule> choices = {
        named(TaskSchedule::RoundRobin, scheduleText, "Round robin"),
        named(TaskSchedule::Proportional, scheduleText, "Proportional to size"),
        named(TaskSchedule::Temperature, scheduleText, "Temperature (size^(1/T))")};
    return choices;
}

const Choices<TaskKind>& taskKindChoices() {
    using train::taskKindText;
    static const Choices<TaskKind> choices = {
        named(TaskKind::MonoQa, taskKindText, "Monolingual QA"),
        named(TaskKind::CrossQa, taskKindText, "Cross-lingual QA"),
        named(TaskKind::Translation, taskKindText, "Translation ranking")};
    return choices;
}

const Choices<train::LanguageWeighting>& languageSamplingChoices() {
    using train::LanguageWeighting;
    using train::weightingText;
    static const Choices<LanguageWeighting> choices = {
        named(LanguageWeighting::Uniform, weightingText, "Uniform"),
        named(LanguageWeighting::Size, weightingText, "By size")};
    return choices;
}

const Choices<data::AnswerUnit>& answerUnitChoices() {
    static const Choices<data::AnswerUnit> choices = {
        {data::AnswerUnit::Sentence, "sentence", "Sentence"},
        {data::AnswerUnit::Paragraph, "paragraph", "Paragraph"}};
    return choices;
}

const Choices<text::SentencePieceModelType>& tokenizerModelTypeChoices() {
    static const Choices<text::SentencePieceModelType> choices = {
        {text::SentencePieceModelType::Unigram, "unigram", "Unigram"},
        {text::SentencePieceModelType::Bpe, "bpe", "BPE"}};
    return choices;
}

const Choices<model::Architecture>& architectureChoices() {
    using model::Architecture;
    static const Choices<Architecture> choices = {
        {Architecture::Transformer, model::toString(Architecture::Transformer),
         "Transformer (from scratch)"},
        {Architecture::XlmRoberta, model::toString(Architecture::XlmRoberta), "XLM-RoBERTa"},
        {Architecture::Bert, model::toString(Architecture::Bert), "BERT"}};
    return choices;
}

const Choices<model::Pooling>& poolingChoices() {
    using model::Pooling;
    static const Choices<Pooling> choices = {
        {Pooling::Mean, model::toString(Pooling::Mean), "Mean of the tokens"},
        {Pooling::Cls, model::toString(Pooling::Cls), "First token ([CLS] / <s>)"}};
    return choices;
}

const Choices<std::string>& suiteChoices() {
    static const Choices<std::string> choices = [] {
        const char* const names[] = {"XQuAD-R", "MLQA-R", "MIRACL",
                                     "mTREC (XQuAD-R, MLQA-R and MIRACL)"};
        if (std::size(names) != kSuiteNames.size())
            throw std::logic_error("suiteChoices: a suite without a display name");
        Choices<std::string> list;
        for (std::size_t i = 0; i < kSuiteNames.size(); ++i)
            list.push_back({kSuiteNames[i], kSuiteNames[i], names[i]});
        return list;
    }();
    return choices;
}

const Choices<eval::Metric>& metricChoices() {
    static const Choices<eval::Metric> choices = [] {
        Choices<eval::Metric> list;
        for (eval::Metric metric : eval::kAllMetrics)
            list.push_back({metric, std::string(eval::trecName(metric)),
                            std::string(eval::displayName(metric))});
        return list;
    }();
    return choices;
}

const Choices<eval::Setting>& settingChoices() {
    static const Choices<eval::Setting> choices = [] {
        Choices<eval::Setting> list;
        for (eval::Setting setting : {eval::Setting::Mo, eval::Setting::Cr, eval::Setting::Mul})
            list.push_back({setting, std::string(eval::settingName(setting)),
                            std::string(eval::displayName(setting))});
        return list;
    }();
    return choices;
}

}  // namespace mtrec::experiment
