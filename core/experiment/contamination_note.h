#pragma once

#include <filesystem>
#include <vector>

#include "common/result.h"
#include "store/suite_contamination.h"

namespace mtrec::experiment {

/// The name of the note a contaminated suite's TREC folder holds.
inline constexpr const char* kContaminationNoteName = "CONTAMINATED.txt";

/// When `suite` is among `contaminated`, writes `<folder>/CONTAMINATED.txt`: the suite's marker
/// ("<suite> [contaminated: <counts>]") and the whole finding, so TREC files copied out of the
/// workbench still say that the run was evaluated on data it trained on (TREC lines have no place
/// for it). Does nothing for a clean suite. An Error naming the file when it cannot be written.
Status writeContaminationNote(const std::filesystem::path& folder, const std::string& suite,
                              const std::vector<store::SuiteContamination>& contaminated);

}  // namespace mtrec::experiment
