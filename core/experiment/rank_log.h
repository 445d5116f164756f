#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "common/result.h"
#include "train/training_progress.h"

namespace mtrec::experiment {

/// What one rank of a data-parallel run did, step by step: `<run folder>/rank-<r>.jsonl`, one JSON
/// object per step (rank, step, batch label, kind, languages, pairs, loss, lr, gradient norm, step
/// and communication seconds), appended to across resumes. Only rank 0 writes the store; these
/// files show that every rank took the same decisions and the same losses.
class RankLog {
public:
    static std::filesystem::path fileOf(const std::filesystem::path& runFolder, int rank);

    /// Opens (appends to) the rank's file; an Error names it when it cannot be written.
    static Result<RankLog> open(const std::filesystem::path& runFolder, int rank);

    void step(const train::TrainingProgress& step);
    /// A line {"rank": r, "event": text}: joined, resumed from a step, ended and how.
    void event(const std::string& text);

private:
    RankLog(std::ofstream out, int rank) : out_(std::move(out)), rank_(rank) {}
    std::ofstream out_;
    int rank_;
};

}  // namespace mtrec::experiment
