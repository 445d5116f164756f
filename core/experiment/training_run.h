#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/cancel_token.h"
#include "common/pause_point.h"
#include "common/progress.h"
#include "common/result.h"
#include "eval/suite_evaluation.h"
#include "experiment/training_config.h"
#include "experiment/training_data.h"
#include "store/experiment_store.h"
#include "train/selection_measure.h"

namespace mtrec::train {
class Collective;
}

namespace mtrec::experiment {

/// A training config read and checked completely: the config as parsed, every problem found (parse,
/// validation, data, the model section; each at its JSON path), and the data when there is none.
struct TrainingRunCheck {
    std::string configFile;
    TrainingConfig config;
    std::vector<ConfigProblem> problems;
    std::optional<TrainingData> data;

    bool ok() const { return problems.empty() && data.has_value(); }
    /// Every problem, one per line, prefixed with the file name.
    std::string problemText() const { return describeProblems(configFile, problems); }
};

struct TrainingRunOptions {
    std::string databasePath = store::kDefaultDatabaseName;  ///< created when missing
    /// Where the run's files go: checkpoints/ (trainer checkpoints), tokenizer.model (a trained
    /// SentencePiece model) and the CSV files of `mtrec eval`. Empty: runs/<run id>-<name>/ under
    /// baseDir. A fresh run refuses a folder whose checkpoints/ is not empty.
    std::string outputDir;
    /// Relative paths of the config, the output folder and the database resolve against it; empty:
    /// the current folder. The run's stored config holds the paths made absolute.
    std::filesystem::path baseDir;
    /// Intra-op threads; 0: the config's `threads` (0 there: every hardware thread). A fresh run
    /// stores the count it used in its config, so a resume repeats it (same count, same losses).
    std::size_t threads = 0;

    /// Rank 0 of a data-parallel training: the processes that train the run with this one (null:
    /// this process alone). The run, its store, files and evaluation stay with rank 0; it hands
    /// the other ranks (joinTrainingRun, rank_session.h) the config, the run folder, the tokenizer
    /// and the checkpoint to resume from.
    std::shared_ptr<train::Collective> collective;

    // Test hooks (the CLI fills them from MTREC_TEST_* variables; core reads no environment).
    PausePoints pausePoints;                   ///< crash-test pauses (common/pause_point.h)
    std::optional<std::size_t> nanLossAtStep;  ///< that step's loss becomes NaN
};

/// How a run ended (a failure is an Error instead, after the run was marked failed).
struct TrainingRunOutcome {
    std::int64_t runId = 0;
    /// Finished or Cancelled; Interrupted when another process of a data-parallel training stopped
    /// (`interruption` says how; the run resumes from its last checkpoint).
    store::RunStatus status = store::RunStatus::Finished;
    std::string interruption;
    std::string outputDir;
    std::string checkpoint;           ///< the last checkpoint folder (model::loadEncoder reads it)
    std::string evaluatedModel;       ///< the weights evaluated: the best model with validation
    std::size_t steps = 0;            ///< optimizer steps done in all
    std::size_t resumedFromStep = 0;  ///< the checkpoint's step a resumed run went on from
    bool stoppedEarly = false;
    std::optional<double> lastLoss;  ///< of the last step this session took
    train::SelectionMeasure selectedBy = train::SelectionMeasure::Loss;
    std::optional<double> bestValidation;  ///< the best value of selectedBy
    std::size_t bestValidationStep = 0;
    std::vector<eval::SuiteEvaluation> evaluations;  ///< one per evaluated suite
    std::vector<std::string> notes;                  ///< suites or languages left out, and why
};

/// Reads `configFile` and checks everything that can be checked before a run starts (relative
/// paths against `baseDir`, empty: the current folder). An Error only when the file cannot be read
/// or is not JSON; otherwise the problems are in the result.
Result<TrainingRunCheck> checkTrainingRun(const std::string& configFile,
                                          const std::filesystem::path& baseDir);

/// checkTrainingRun for a config held in memory (a form's), called `origin` in messages.
TrainingRunCheck checkTrainingConfigValue(TrainingConfig config, const std::string& origin,
                                          const std::filesystem::path& baseDir);

/// Creates the run of a checked config in the store, queued, with its output folder, exactly as
/// startTrainingRun would begin it, and returns its id without training: resumeTrainingRun (`mtrec
/// runs resume ID`, the GUI's queue) trains it later. A config with problems is an Error listing
/// them; nothing is created then.
Result<std::int64_t> queueTrainingRun(TrainingRunCheck checked, const TrainingRunOptions& options);

/// The training jobs. Both report through `progress` on the calling thread, unthrottled (wrap it in
/// a ProgressThrottle for a viewer): Preparing (runId and outputDir, once the run exists),
/// TrainingTokenizer or LoadingTokenizer, BuildingEncoder, RestoringCheckpoint (a resume),
/// Training (first a report with step 0 as the phase begins, then one per step), Checkpointing
/// between steps, LoadingModel, Evaluating, Embedding and Ranking per suite, WritingResults, and
/// Done last when the job returns a value. `cancel` is read at least once a batch, from any thread:
/// the trainer checkpoints and the run ends cancelled (an evaluation under way stops too). Every
/// step's metrics and telemetry go to the store whatever the sink does. LibTorch's thread
/// settings are process-wide: run one training (or other torch job) at a time per process.

/// Runs a checked config from start to end, the one call the CLI and the GUI worker make:
/// creates the run (queued), starts it (running, heartbeats), builds the tokenizer (training
/// SentencePiece when asked), the encoder, the sampler and the trainer; trains, logging every
/// step's metrics and batch telemetry and recording each checkpoint; evaluates the trained
/// encoder (the best one with validation) on the config's suites, writes the CSV files into the
/// output folder and records the results; and finishes the run. Cancelled through `cancel`: the
/// run ends cancelled with its checkpoint kept. Any failure once the run
/// exists (a bad file, a NaN loss, a write that fails, an exception) marks it failed with the
/// reason and returns an Error "run N failed: <reason>". Runs on the calling thread, which must
/// not run another training at the same time (the trainer sets process-wide ATen state).
Result<TrainingRunOutcome> startTrainingRun(TrainingRunCheck checked,
                                            const TrainingRunOptions& options,
                                            const ProgressSink& progress,
                                            const CancelToken& cancel);

/// Goes on with an interrupted, failed or cancelled (or a queued) run from its last checkpoint:
/// reads the config the run stored, rebuilds the data, reuses the trained tokenizer, restores
/// model, optimizer, sampler, generator and step, drops the step metrics logged after that step,
/// trains to the end, evaluates and finishes, exactly as startTrainingRun. Without a checkpoint the
/// run starts over. The run's error text and finished time are cleared and its earlier end kept as
/// a note (store::RunRepository::start). options.outputDir is ignored (the run's own folder is
/// used). A finished or running run, or one whose config no longer checks (a data file gone), is
/// an Error and stays as it was.
Result<TrainingRunOutcome> resumeTrainingRun(std::int64_t runId, const TrainingRunOptions& options,
                                             const ProgressSink& progress,
                                             const CancelToken& cancel);

}  // namespace mtrec::experiment
