#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "common/result.h"

namespace mtrec::experiment {

/// The one place that knows a training run's output folder:
///   <root>/checkpoints/          the trainer's checkpoints (train/checkpoint.h: step-NNNNNNNN
///                                folders, `latest` naming the newest, `best` the best-validation
///                                encoder)
///   <root>/tokenizer.model       the SentencePiece model the run trained ("tokenizer": {"train"}),
///                                a copy of the one shared with other runs of the same texts,
///                                options and seed: <root>/../tokenizers/<sha256>/tokenizer.model
///   <root>/config.json           the run's config as the store keeps it (paths absolute), so
///                                `mtrec eval --model <root>` knows what the model trained on
///   <root>/stats.csv, summary.csv, pairs.csv, per_query.csv, bias.csv
///                                the evaluation's result files (report/evaluation_csv.h)
/// A value type over a path; nothing is read or created until a member says so.
class RunFolder {
public:
    explicit RunFolder(std::filesystem::path root) : root_(std::move(root)) {}

    /// The run folder of a checkpoint path a run records (store::RunRecord::checkpointPath): its
    /// checkpoints folder, or a step-N (or best) folder inside it.
    static RunFolder ofCheckpoint(const std::filesystem::path& recorded);
    /// The run whose folder or checkpoints folder `folder` is (a folder holding checkpoints/, or
    /// a checkpoints/ folder itself); nullopt for anything else.
    static std::optional<RunFolder> at(const std::filesystem::path& folder);
    /// The run a model folder belongs to: at(folder), or for a checkpoint folder (one holding
    /// encoder.json) ofCheckpoint(folder); nullopt for anything else (a Hugging Face folder).
    static std::optional<RunFolder> ofModel(const std::filesystem::path& folder);

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path checkpoints() const;
    std::filesystem::path bestModel() const;
    std::filesystem::path tokenizerModel() const { return root_ / "tokenizer.model"; }
    std::filesystem::path config() const { return root_ / "config.json"; }
    /// Where trained tokenizers are shared between runs: `tokenizers/` next to the run folder
    /// (runs/tokenizers/ for the default runs/<id>-<name>/).
    std::filesystem::path tokenizerCache() const { return root_.parent_path() / "tokenizers"; }
    /// Where the evaluation's CSV files go: the root itself.
    const std::filesystem::path& results() const { return root_; }

    /// True when checkpoints/ exists and holds anything (a fresh run refuses such a folder).
    bool hasCheckpoints() const;
    /// The newest complete checkpoint (the one `latest` names). Errors name the folder.
    Result<std::string> latestCheckpoint() const;
    /// The weights the run's evaluation uses: bestModel() when the newest checkpoint records a best
    /// validation loss, else that checkpoint. Errors name the checkpoint file at fault; whether the
    /// folder returned exists is not checked.
    Result<std::string> evaluatedWeights() const;

private:
    std::filesystem::path root_;
};

}  // namespace mtrec::experiment
