#include "experiment/checkpoint_fallback.h"

#include <filesystem>

#include "train/checkpoint_integrity.h"

namespace mtrec::experiment {

namespace {

std::string joined(const std::vector<std::string>& reasons) {
    std::string text;
    for (std::size_t i = 0; i < reasons.size(); ++i) text += (i > 0 ? "; " : "") + reasons[i];
    return text;
}

}  // namespace

std::string RestoredCheckpoint::note() const {
    if (skipped.empty()) return "";
    return "resumed from " + std::filesystem::path(folder).filename().string() +
           ", an older checkpoint, because " + joined(skipped);
}

Result<RestoredCheckpoint> restoreNewestWhole(
    const std::string& checkpointDir, const std::function<Status(const std::string&)>& load) {
    RestoredCheckpoint restored;
    for (const std::string& candidate : train::restoreCandidates(checkpointDir)) {
        Status loaded = train::verifyChecksums(candidate);
        if (loaded) loaded = load(candidate);
        if (loaded) {
            restored.folder = candidate;
            return restored;
        }
        restored.skipped.push_back(loaded.error().message);
    }
    if (restored.skipped.empty()) return restored;
    return Error{"no checkpoint in " + checkpointDir +
                 " can be restored: " + joined(restored.skipped)};
}

}  // namespace mtrec::experiment
