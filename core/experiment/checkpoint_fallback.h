#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"

namespace mtrec::experiment {

/// What a resume restored: the checkpoint folder loaded (empty: none was completed, the run starts
/// over), and each newer one passed over with the reason ("<file>: damaged checkpoint: ...").
struct RestoredCheckpoint {
    std::string folder;
    std::vector<std::string> skipped;

    /// The run note saying which checkpoints were passed over and why, and which one was used;
    /// empty when none was passed over.
    std::string note() const;
};

/// Restores the newest checkpoint of `checkpointDir` that is whole: tries the one `latest` names,
/// then the older ones newest first (train::restoreCandidates), each checked against its
/// SHA256SUMS before `load` (Trainer::resume, which overwrites everything an earlier failed try
/// loaded) is called. An Error naming every checkpoint and what is wrong with it when none loads.
Result<RestoredCheckpoint> restoreNewestWhole(
    const std::string& checkpointDir, const std::function<Status(const std::string&)>& load);

}  // namespace mtrec::experiment
