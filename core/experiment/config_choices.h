#pragma once

#include <string>

#include "common/choice.h"
#include "data/parallel_qa_pairs.h"
#include "eval/suite_evaluation.h"
#include "model/encoder_config.h"
#include "model/matmul_precision.h"
#include "text/sentencepiece_training.h"
#include "train/selection_measure.h"
#include "train/strategy_spec.h"

namespace mtrec::experiment {

/// Every enumeration of the training config and of the results, with the key the config (or the
/// CLI) writes and the name a form shows, in the order a combo box lists them. The config reader
/// parses and toJson writes through these lists, so a form built on them offers exactly what the
/// config accepts. Each list lives for the whole program.
const Choices<train::StrategyName>& strategyChoices();
const Choices<train::TaskSchedule>& scheduleChoices();  ///< multitask schedules
const Choices<train::TaskKind>& taskKindChoices();      ///< multitask task kinds
const Choices<train::LanguageWeighting>& languageSamplingChoices();
const Choices<data::AnswerUnit>& answerUnitChoices();
const Choices<text::SentencePieceModelType>& tokenizerModelTypeChoices();
const Choices<model::Architecture>& architectureChoices();
const Choices<model::Pooling>& poolingChoices();
/// The Linear layers' GEMM precision ($.precision, `mtrec eval --precision`).
const Choices<model::MatmulPrecision>& precisionChoices();
/// What chooses the evaluated checkpoint ($.optimizer.select_by).
const Choices<train::SelectionMeasure>& selectionMeasureChoices();
/// The evaluation suites of $.evaluation[].suite and `mtrec eval --suite` (kSuiteNames).
const Choices<std::string>& suiteChoices();
/// The metrics and settings results are stored and shown with (eval::displayName's names).
const Choices<eval::Metric>& metricChoices();
const Choices<eval::Setting>& settingChoices();

}  // namespace mtrec::experiment
