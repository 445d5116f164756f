#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"
#include "experiment/suite_overlap.h"

namespace mtrec::experiment {

/// What `mtrec eval` found when it compared the suites with what the evaluated model trained on.
struct EvaluationOverlap {
    std::string trainingSource;        ///< trainingSourceOf the run's data; empty when unknown
    std::vector<SuiteOverlap> shared;  ///< the suites that share data (evaluated as allowed)
    std::string note;  ///< why nothing was compared, when nothing was (shown as a note)
};

/// The guard of `mtrec eval` against evaluating on the training data. The model's training data
/// is known when `modelFolder` belongs to a run (RunFolder::ofModel) whose folder holds its
/// config.json: that config's train and validation pools are rebuilt and compared with every
/// suite. Refused (an Error) unless `allow`: a suite sharing question ids or passages, one line
/// per suite "<suite>: <describeOverlap>; pass --allow-overlap to evaluate anyway"; and a
/// config.json whose data can no longer be read. Nothing to compare with (a Hugging Face folder,
/// a run folder without config.json) is a note, not a refusal.
Result<EvaluationOverlap> evaluationOverlap(const std::string& modelFolder,
                                            const std::vector<data::RetrievalSuite>& suites,
                                            bool allow);

}  // namespace mtrec::experiment
