#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "experiment/suite_overlap.h"
#include "experiment/training_config.h"
#include "experiment/training_data.h"
#include "store/suite_contamination.h"

namespace mtrec::experiment {

/// Where a config's QA training data comes from, as the config writes it: the parallel_qa folder,
/// its files and the JSONL files, joined with ", " ("no QA data" when there is none).
std::string trainingSourceOf(const DataConfig& data);

/// The QA texts a run trains and validates on: TrainingData's train and validation pools.
TrainingTexts trainingTextsOf(const TrainingData& data);

/// The guard against evaluating on the training data, run before a run is created: loads the
/// suites of every evaluation entry that does not set allow_overlap (relative folders against
/// `baseDir`) and gives, per suite sharing question ids or passages with `data`, the problem at
/// $.evaluation[i] "<suite>: <describeOverlap>; set allow_overlap to evaluate anyway". A suite
/// that cannot be read is a problem at $.evaluation[i].data with the reader's message.
std::vector<ConfigProblem> overlapProblems(const TrainingConfig& config, const TrainingData& data,
                                           const std::filesystem::path& baseDir);

/// The overlaps of suites already loaded, only those that share something, in suite order: what
/// an evaluation that was allowed to overlap records as contaminated.
std::vector<SuiteOverlap> sharedWith(const TrainingTexts& training,
                                     const std::vector<data::RetrievalSuite>& suites);

/// How the store records an overlap a run was allowed to evaluate with (the description is
/// describeOverlap's).
store::SuiteContamination contaminationRecord(const SuiteOverlap& overlap,
                                              const std::string& trainingSource);

}  // namespace mtrec::experiment
