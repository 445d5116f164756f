#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/pause_point.h"
#include "common/result.h"

namespace torch::optim {
class AdamW;
}
namespace mtrec::model {
class EncoderImpl;
}

namespace mtrec::train {

/// A trainer checkpoint is a folder `<checkpointDir>/step-<8 digits>` holding
///   encoder.json, encoder.pt  the model, as model::saveEncoder writes it (loadEncoder reads it),
///   trainer.pt                AdamW's state (archive "optimizer") and ATen's default CPU
///                             generator state (tensor "cpu_generator_state"),
///   trainer_state.json        CheckpointState (versioned),
///   SHA256SUMS                every other file's digest and size (checkpoint_integrity.h).
/// `<checkpointDir>/latest` names the newest complete one. Writing is atomic: everything goes to a
/// hidden temporary folder first, which is renamed into place, and only then `latest` is replaced
/// (itself through a temporary file and a rename), so a process killed mid-save leaves the previous
/// checkpoint and `latest` intact. `<checkpointDir>/best` holds the encoder alone (saveEncoder) as
/// it was at the best validation loss, replaced the same way.

/// The trainer's own state beside the tensors.
struct CheckpointState {
    static constexpr int kFormatVersion = 1;

    std::size_t step = 0;        ///< optimizer steps done
    std::size_t totalSteps = 0;  ///< the run's planned steps
    nlohmann::json sampler;      ///< BatchSampler::state()
    /// The best value of the run's selection measure (the validation loss unless the settings say
    /// select_by), and the step that reached it.
    std::optional<double> bestValidation;
    std::size_t bestValidationStep = 0;
    std::size_t evaluationsWithoutImprovement = 0;
    /// The options that must not change across a resume (rates, schedule, seed, loss); compared
    /// key by key by the trainer.
    nlohmann::json settings = nlohmann::json::object();
};

/// Writes a checkpoint of step `state.step` into `checkpointDir` (created when missing), points
/// `latest` at it, and removes the oldest `step-*` folders beyond `keep` (>= 1) and the temporary
/// folders a killed writer left (one process writes a checkpoint folder at a time). Returns the
/// new folder. Errors name the file or folder that could not be written. Crash tests pause at
/// "checkpoint-write" (the new folder complete under its temporary name) and "checkpoint-latest"
/// (in place, `latest` still naming the previous one).
Result<std::string> writeCheckpoint(const std::string& checkpointDir, model::EncoderImpl& encoder,
                                    torch::optim::AdamW& optimizer, const CheckpointState& state,
                                    std::size_t keep, const PausePoints& pause = {});

/// `<checkpointDir>/best`: where writeBestModel puts the best-validation encoder.
std::string bestModelFolder(const std::string& checkpointDir);

/// Replaces `<checkpointDir>/best` with the encoder's current weights. Returns that folder.
Result<std::string> writeBestModel(const std::string& checkpointDir, model::EncoderImpl& encoder);

/// A checkpoint folder itself, or the folder `latest` names when `path` is a checkpointDir.
/// Errors: no such folder, a checkpointDir without (or with a dangling) `latest`.
Result<std::string> resolveCheckpoint(const std::string& path);

/// Reads trainer_state.json of a checkpoint folder (no tensors). Errors name the file and the key.
Result<CheckpointState> readCheckpointState(const std::string& folder);

/// Loads the checkpoint's weights into `encoder` (same config, or an Error naming encoder.json),
/// AdamW's state into `optimizer` (built over the same parameters), and sets ATen's default CPU
/// generator to the saved state. Errors name the file at fault; after an error the encoder and
/// optimizer may be partly loaded.
Status loadCheckpointTensors(const std::string& folder, model::EncoderImpl& encoder,
                             torch::optim::AdamW& optimizer);

}  // namespace mtrec::train
