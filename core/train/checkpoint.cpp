#include "train/checkpoint.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <mutex>
#include <sstream>
#include <vector>

#include <ATen/CPUGeneratorImpl.h>
#include <c10/util/Exception.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <torch/optim/adamw.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include "common/json_document.h"
#include "model/archive_file.h"
#include "model/encoder.h"
#include "model/encoder_checkpoint.h"
#include "model/encoder_config.h"
#include "train/checkpoint_integrity.h"

namespace mtrec::train {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStateFile = "trainer_state.json";
constexpr const char* kTensorFile = "trainer.pt";
constexpr const char* kLatestFile = "latest";
constexpr const char* kBestFolder = "best";
constexpr const char* kGeneratorKey = "cpu_generator_state";
constexpr const char* kOptimizerKey = "optimizer";

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

std::string stepFolderName(std::size_t step) {
    std::ostringstream name;
    name << "step-" << std::setw(8) << std::setfill('0') << step;
    return name.str();
}

/// Flushes a written file (or a folder's entries) to the disk, so a power cut after the rename
/// cannot leave it empty.
void syncPath(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

Status writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return Error{path.string() + ": cannot write"};
    syncPath(path);
    return success();
}

nlohmann::json toJson(const CheckpointState& state) {
    nlohmann::json json = {{"format_version", CheckpointState::kFormatVersion},
                           {"step", state.step},
                           {"total_steps", state.totalSteps},
                           {"best_validation_step", state.bestValidationStep},
                           {"evaluations_without_improvement", state.evaluationsWithoutImprovement},
                           {"settings", state.settings},
                           {"sampler", state.sampler}};
    json["best_validation"] =
        state.bestValidation ? nlohmann::json(*state.bestValidation) : nlohmann::json();
    return json;
}

Status writeTensors(const fs::path& path, torch::optim::AdamW& optimizer) {
    torch::serialize::OutputArchive archive;
    try {
        torch::serialize::OutputArchive optimizerArchive;
        optimizer.save(optimizerArchive);
        archive.write(kOptimizerKey, optimizerArchive);
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        at::Tensor generatorState;
        {
            std::lock_guard<std::mutex> lock(generator.mutex());
            generatorState = generator.get_state();
        }
        archive.write(kGeneratorKey, generatorState);
    } catch (const c10::Error& error) {
        return Error{path.string() + ": cannot write: " + firstLine(error.what())};
    }
    if (Status saved = model::saveArchive(archive, path.string()); !saved) return saved;
    syncPath(path);
    return success();
}

/// Moves a complete temporary folder to `target`, replacing an existing one (the old one is
/// renamed aside first and removed after, so one complete copy exists at every moment).
Status moveIntoPlace(const fs::path& temporary, const fs::path& target) {
    std::error_code ec;
    const fs::path aside = target.parent_path() / ("." + target.filename().string() + ".old");
    fs::remove_all(aside, ec);
    if (fs::exists(target)) {
        fs::rename(target, aside, ec);
        if (ec)
            return Error{target.string() + ": cannot move the old folder aside: " + ec.message()};
    }
    fs::rename(temporary, target, ec);
    if (ec)
        return Error{target.string() + ": cannot move the new folder into place: " + ec.message()};
    fs::remove_all(aside, ec);
    return success();
}

Status pruneCheckpoints(const fs::path& dir, std::size_t keep) {
    std::vector<fs::path> folders;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && name.rfind("step-", 0) == 0) folders.push_back(entry.path());
    }
    if (ec) return Error{dir.string() + ": cannot list: " + ec.message()};
    std::sort(folders.begin(), folders.end());  // zero-padded step numbers sort by step
    for (std::size_t i = 0; i + keep < folders.size(); ++i) fs::remove_all(folders[i], ec);
    return success();
}

fs::path temporaryFolder(const fs::path& dir, const std::string& name) {
    return dir / ("." + name + ".tmp-" + std::to_string(::getpid()));
}

/// Removes the temporaries (".<name>.tmp-<pid>") a killed writer left behind. Called once this
/// process's own are renamed away: one process writes a checkpoint folder at a time.
void removeLeftoverTemporaries(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> leftovers;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind('.', 0) == 0 && name.find(".tmp-") != std::string::npos)
            leftovers.push_back(entry.path());
    }
    for (const fs::path& leftover : leftovers) fs::remove_all(leftover, ec);
}

}  // namespace

Result<std::string> writeCheckpoint(const std::string& checkpointDir, model::EncoderImpl& encoder,
                                    torch::optim::AdamW& optimizer, const CheckpointState& state,
                                    std::size_t keep, const PausePoints& pause) {
    const fs::path dir(checkpointDir);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Error{checkpointDir + ": cannot create the checkpoint folder: " + ec.message()};
    const std::string name = stepFolderName(state.step);
    const fs::path temporary = temporaryFolder(dir, name);
    fs::remove_all(temporary, ec);
    Status saved = model::saveEncoder(encoder, temporary.string());
    if (!saved) return saved.error();
    syncPath(temporary / "encoder.pt");
    syncPath(temporary / "encoder.json");
    if (Status tensors = writeTensors(temporary / kTensorFile, optimizer); !tensors)
        return tensors.error();
    if (Status json = writeText(temporary / kStateFile, toJson(state).dump(2) + "\n"); !json)
        return json.error();
    if (Status sums = writeChecksums(temporary.string()); !sums) return sums.error();
    syncPath(temporary / kChecksumFile);
    pause.reach("checkpoint-write");  // crash tests: the new folder complete, not yet in place
    const fs::path target = dir / name;
    if (Status moved = moveIntoPlace(temporary, target); !moved) return moved.error();
    pause.reach("checkpoint-latest");  // crash tests: in place, `latest` still names the previous
    const fs::path latestTemporary = temporaryFolder(dir, kLatestFile);
    if (Status latest = writeText(latestTemporary, name + "\n"); !latest) return latest.error();
    fs::rename(latestTemporary, dir / kLatestFile, ec);
    if (ec) return Error{(dir / kLatestFile).string() + ": cannot replace: " + ec.message()};
    syncPath(dir);  // the renames themselves
    removeLeftoverTemporaries(dir);
    if (Status pruned = pruneCheckpoints(dir, std::max<std::size_t>(keep, 1)); !pruned)
        return pruned.error();
    return target.string();
}

std::string bestModelFolder(const std::string& checkpointDir) {
    return (fs::path(checkpointDir) / kBestFolder).string();
}

Result<std::string> writeBestModel(const std::string& checkpointDir, model::EncoderImpl& encoder) {
    const fs::path dir(checkpointDir);
    const fs::path temporary = temporaryFolder(dir, kBestFolder);
    std::error_code ec;
    fs::remove_all(temporary, ec);
    Status saved = model::saveEncoder(encoder, temporary.string());
    if (!saved) return saved.error();
    syncPath(temporary / "encoder.pt");
    const fs::path target = dir / kBestFolder;
    if (Status moved = moveIntoPlace(temporary, target); !moved) return moved.error();
    return target.string();
}

Result<std::string> resolveCheckpoint(const std::string& path) {
    const fs::path folder(path);
    if (!fs::is_directory(folder)) return Error{path + ": no such checkpoint folder"};
    if (fs::exists(folder / kStateFile)) return folder.string();
    const fs::path latest = folder / kLatestFile;
    std::ifstream in(latest);
    if (!in)
        return Error{path + ": neither a checkpoint (no " + kStateFile + ") nor a checkpoint " +
                     "folder (no " + kLatestFile + ")"};
    std::string name;
    std::getline(in, name);
    const fs::path target = folder / name;
    if (name.empty() || name.find('/') != std::string::npos || !fs::is_directory(target))
        return Error{latest.string() + ": names no checkpoint folder ('" + name + "')"};
    return target.string();
}

namespace {

/// `json[key]` as T, or an Error "<file>: $.<key>: ..." naming what was wrong.
template <typename T>
Result<T> field(const nlohmann::json& json, const std::string& file, const char* key) {
    const auto found = json.find(key);
    if (found == json.end()) return Error{file + ": $." + key + ": missing"};
    try {
        return found->get<T>();
    } catch (const nlohmann::json::exception& error) {
        return Error{file + ": $." + key + ": " + error.what()};
    }
}

Status copyWeights(model::EncoderImpl& target, model::EncoderImpl& source) {
    torch::NoGradGuard noGrad;
    const auto sourceParameters = source.named_parameters();
    for (auto& item : target.named_parameters()) item.value().copy_(sourceParameters[item.key()]);
    const auto sourceBuffers = source.named_buffers();
    for (auto& item : target.named_buffers()) item.value().copy_(sourceBuffers[item.key()]);
    return success();
}

}  // namespace

Result<CheckpointState> readCheckpointState(const std::string& folder) {
    const std::string file = (fs::path(folder) / kStateFile).string();
    if (!fs::exists(file)) return Error{file + ": no such file"};
    Result<JsonDocument> document = JsonDocument::read(file);
    if (!document) return document.error();
    const nlohmann::json& json = document.value().root().json();
    if (!json.is_object()) return Error{file + ": $: expected an object"};
    Result<int> version = field<int>(json, file, "format_version");
    if (!version) return version.error();
    if (version.value() != CheckpointState::kFormatVersion)
        return Error{file + ": $.format_version: " + std::to_string(version.value()) +
                     " is not the version this program reads (" +
                     std::to_string(CheckpointState::kFormatVersion) + ")"};
    CheckpointState state;
    Result<std::size_t> step = field<std::size_t>(json, file, "step");
    Result<std::size_t> total = field<std::size_t>(json, file, "total_steps");
    Result<std::size_t> bestStep = field<std::size_t>(json, file, "best_validation_step");
    Result<std::size_t> waited = field<std::size_t>(json, file, "evaluations_without_improvement");
    for (const Result<std::size_t>* value : {&step, &total, &bestStep, &waited})
        if (!*value) return value->error();
    state.step = step.value();
    state.totalSteps = total.value();
    state.bestValidationStep = bestStep.value();
    state.evaluationsWithoutImprovement = waited.value();
    // Checkpoints written before select_by existed name the value best_validation_loss.
    const char* bestKey =
        json.contains("best_validation") ? "best_validation" : "best_validation_loss";
    const auto best = json.find(bestKey);
    if (best != json.end() && !best->is_null()) {
        if (!best->is_number()) return Error{file + ": $." + bestKey + ": expected a number"};
        state.bestValidation = best->get<double>();
    }
    if (!json.contains("sampler") || !json.contains("settings") || !json["settings"].is_object())
        return Error{file + ": $.sampler and $.settings (an object) are required"};
    state.sampler = json["sampler"];
    state.settings = json["settings"];
    return state;
}

Status loadCheckpointTensors(const std::string& folder, model::EncoderImpl& encoder,
                             torch::optim::AdamW& optimizer) {
    Result<model::Encoder> loaded = model::loadEncoder(folder);
    if (!loaded) return loaded.error();
    if (model::toJson(loaded.value()->config()) != model::toJson(encoder.config()))
        return Error{(fs::path(folder) / "encoder.json").string() +
                     ": the checkpoint's encoder config differs from the encoder being trained"};
    if (Status copied = copyWeights(encoder, *loaded.value()); !copied) return copied.error();

    const std::string file = (fs::path(folder) / kTensorFile).string();
    if (!fs::exists(file)) return Error{file + ": no such file"};
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(file);
        torch::serialize::InputArchive optimizerArchive;
        archive.read(kOptimizerKey, optimizerArchive);
        optimizer.load(optimizerArchive);
        at::Tensor generatorState;
        archive.read(kGeneratorKey, generatorState);
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(generatorState);
    } catch (const std::exception& error) {  // c10::Error and the archive's own failures
        return Error{file +
                     ": cannot read the optimizer and generator state: " + firstLine(error.what())};
    }
    return success();
}

}  // namespace mtrec::train
