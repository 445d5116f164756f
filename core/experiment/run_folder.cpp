#include "experiment/run_folder.h"

#include "train/checkpoint.h"

namespace mtrec::experiment {

namespace fs = std::filesystem;

namespace {
constexpr const char* kCheckpointsFolder = "checkpoints";
}

RunFolder RunFolder::ofCheckpoint(const fs::path& recorded) {
    const bool inside = recorded.filename() != kCheckpointsFolder;
    return RunFolder((inside ? recorded.parent_path() : recorded).parent_path());
}

std::optional<RunFolder> RunFolder::at(const fs::path& folder) {
    std::error_code ec;
    if (fs::is_directory(folder / kCheckpointsFolder, ec)) return RunFolder(folder);
    if (folder.filename() == kCheckpointsFolder && fs::is_directory(folder, ec))
        return RunFolder(folder.parent_path());
    return std::nullopt;
}

std::optional<RunFolder> RunFolder::ofModel(const fs::path& folder) {
    if (std::optional<RunFolder> run = at(folder)) return run;
    std::error_code ec;
    if (fs::is_regular_file(folder / "encoder.json", ec)) return ofCheckpoint(folder);
    return std::nullopt;
}

fs::path RunFolder::checkpoints() const {
    return root_ / kCheckpointsFolder;
}

fs::path RunFolder::bestModel() const {
    return train::bestModelFolder(checkpoints().string());
}

bool RunFolder::hasCheckpoints() const {
    std::error_code ec;
    return fs::is_directory(checkpoints(), ec) && !fs::is_empty(checkpoints(), ec);
}

Result<std::string> RunFolder::latestCheckpoint() const {
    return train::resolveCheckpoint(checkpoints().string());
}

Result<std::string> RunFolder::evaluatedWeights() const {
    Result<std::string> latest = latestCheckpoint();
    if (!latest) return latest;
    Result<train::CheckpointState> state = train::readCheckpointState(latest.value());
    if (!state) return state.error();
    if (state.value().bestValidation) return bestModel().string();
    return latest;
}

}  // namespace mtrec::experiment
