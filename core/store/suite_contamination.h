#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mtrec::store {

/// A suite a run evaluated although it shares question ids or passages with the run's training or
/// validation data (allowed explicitly: `allow_overlap`, `mtrec eval --allow-overlap`). Its numbers
/// are not zero-shot, and every view and export of the run says so. A suite a run has no such
/// record for was checked clean, or was evaluated before the check existed (schema version 2).
struct SuiteContamination {
    std::string suite;
    std::int64_t questions = 0;        ///< the suite's distinct question ids
    std::int64_t sharedQuestions = 0;  ///< of those, ids in the training data
    std::int64_t passages = 0;         ///< the suite's candidates
    std::int64_t sharedPassages = 0;   ///< of those, texts in the training data
    /// The whole finding: counts, the training source and examples.
    std::string description;

    /// "1148 shared questions, 2545 shared passages" (the counts that are not zero): the marker's
    /// text in lists, tooltips and table notes.
    std::string sharedText() const;
    /// "<suite> [contaminated: <sharedText>]".
    std::string marker() const { return suite + " [contaminated: " + sharedText() + "]"; }
};

/// The record of `suite` among a run's contaminated suites; nullptr when that suite is clean.
const SuiteContamination* findContamination(const std::vector<SuiteContamination>& contaminated,
                                            const std::string& suite);

}  // namespace mtrec::store
