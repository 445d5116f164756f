#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace mtrec {

/// What a job is doing. Jobs report these in this order (each only when the job has it):
/// training a run: Preparing (the run exists: runId, outputDir), TrainingTokenizer or
/// LoadingTokenizer, BuildingEncoder, RestoringCheckpoint (a resume), Training (one report a step;
/// with validationLoss on validation steps), Checkpointing (one report per checkpoint written,
/// between training steps), LoadingModel (the best-validation model), Evaluating, then per suite
/// Embedding and Ranking, WritingResults, Done. Evaluating a scorer: Preparing (notes),
/// LoadingModel, per suite Embedding (dense) and Ranking, WritingResults, Done. Regenerating TREC
/// runs: Regenerating (per run), LoadingModel, Ranking (per suite), Done.
enum class Phase {
    Preparing,
    TrainingTokenizer,
    LoadingTokenizer,
    BuildingEncoder,
    RestoringCheckpoint,
    Training,
    Checkpointing,
    LoadingModel,
    Evaluating,
    Embedding,
    Ranking,
    WritingResults,
    Regenerating,
    Comparing,
    Done,
};

/// Lower-case words for people: "training the tokenizer", "building the encoder", "training",
/// "restoring the checkpoint", "evaluating", "embedding", "ranking", ...
const char* phaseName(Phase phase);

/// One report of a running job: a plain value (copy it to any thread). Fields a phase has no use
/// for keep their defaults.
struct Progress {
    Phase phase = Phase::Preparing;
    /// Units of the current phase done and in all (steps while training, texts while embedding,
    /// ranking steps while ranking); total 0: unknown.
    std::size_t done = 0;
    std::size_t total = 0;

    // Training: set on Training reports (step also on Checkpointing ones).
    std::size_t step = 0;  ///< optimizer steps done, 1-based (the step just taken)
    double loss = 0.0;     ///< the batch's InfoNCE loss, before its task weight
    double learningRate = 0.0;
    double examplesPerSecond = 0.0;  ///< pairs per second of training steps in this session
    double etaSeconds = 0.0;         ///< seconds left at this pace (embedding, ranking too)
    std::string batch;               ///< what the batch was (train::BatchKind::label())
    /// Set on a report that is a validation result (a Training report of a validation step).
    std::optional<double> validationLoss;
    /// With validationLoss, when the validation ranked cross-lingual held-out queries: their MRR.
    std::optional<double> validationCrossMrr;
    /// Set on a report that is a checkpoint (phase Checkpointing): the folder written.
    std::string checkpoint;

    std::string suite;       ///< the evaluation suite being embedded or ranked, or "" (none)
    std::int64_t runId = 0;  ///< the run the job works on, once it exists (0: none)
    std::string outputDir;   ///< set on the Preparing report that announces a training run
    /// A protocol's planned run this report belongs to, 1-based, and how many it plans (0, 0:
    /// the report is not part of a protocol; experiment/protocol_run.h).
    std::size_t runIndex = 0;
    std::size_t runCount = 0;
    /// A line for people when the report is an event: a note (a suite or language left out, and
    /// why), the run a regeneration begins, the model it loads.
    std::string message;
};

/// Receives a job's reports. Called on the thread that runs the job, synchronously, for every
/// report (nothing is dropped at the source): keep it short, or wrap it in a ProgressThrottle. May
/// be empty (no reports).
using ProgressSink = std::function<void(const Progress&)>;

/// Calls `sink` when it is set.
inline void notify(const ProgressSink& sink, const Progress& progress) {
    if (sink) sink(progress);
}

}  // namespace mtrec
