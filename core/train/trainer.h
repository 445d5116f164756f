#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/cancel_token.h"
#include "common/pause_point.h"
#include "common/progress.h"
#include "common/result.h"
#include "model/matmul_precision.h"
#include "train/batch_sampler.h"
#include "train/info_nce_loss.h"
#include "train/selection_measure.h"
#include "train/training_progress.h"
#include "train/validation_ranking.h"

namespace mtrec::model {
class EncoderImpl;
}
namespace mtrec::text {
class BatchEncoder;
}

namespace mtrec::train {

class Collective;

/// Everything that drives optimisation (DESIGN §2). The batch size comes from the sampler; the
/// per-task loss weights come from each Batch's kind.
struct TrainerOptions {
    double lr = 3e-5;           ///< peak learning rate of AdamW
    double weightDecay = 0.01;  ///< AdamW's decoupled weight decay
    /// Linear warm-up over the first warmupSteps steps, then linear decay that reaches 0 one step
    /// after the last (lr_schedule.h gives the exact values).
    std::size_t warmupSteps = 0;
    double clipNorm = 1.0;  ///< clip gradients to this global L2 norm; 0: no clipping
    /// Exactly one of the two: optimizer steps, or epochs of BatchSampler::batchesPerEpoch() steps.
    /// steps = 0 takes no step: train() checkpoints the encoder as initialised (the untrained
    /// baseline).
    std::optional<std::size_t> steps;
    std::optional<std::size_t> epochs;

    /// Validation every evalEvery steps (never when 0 or there are no validation batches): the
    /// loss on the validation batches, and the cross-lingual MRR when a ValidationRanking with
    /// cross-lingual queries is set. `selectBy` picks which of the two chooses the best model and
    /// drives early stopping: the run ends after `earlyStoppingPatience` validations in a row that
    /// do not improve on the best (0: never stops early).
    std::size_t evalEvery = 0;
    std::size_t earlyStoppingPatience = 0;
    SelectionMeasure selectBy = SelectionMeasure::Loss;

    /// A checkpoint every checkpointEvery steps (0: none on the way) and always one at the end
    /// (finished, cancelled or stopped early), in checkpointDir (created when missing). Empty
    /// checkpointDir: no checkpoints at all. The last `keepCheckpoints` are kept (>= 1).
    std::size_t checkpointEvery = 0;
    std::string checkpointDir;
    std::size_t keepCheckpoints = 2;

    /// Intra-op threads (at::set_num_threads); 0: the machine's hardware threads.
    std::size_t threads = 0;
    /// The Linear layers' GEMMs in every forward and backward of train() (training steps,
    /// validation loss and ranking); set on train()'s thread for its duration.
    model::MatmulPrecision precision = model::MatmulPrecision::Fp32;
    /// Seeds ATen's default CPU generator at the start of a fresh run (dropout draws from it).
    std::uint64_t seed = 0;

    /// Data-parallel training over the processes of this collective (null: one process). The
    /// sampler's batches are global batches: every rank must build the same sampler with the same
    /// seed; each tokenises and encodes its share (batch_shards.h), and all take the same step.
    /// Only one rank should be given a checkpointDir. Dropout draws from seed + rank.
    std::shared_ptr<Collective> collective;

    InfoNceOptions loss;         ///< scale (1/τ) and the symmetric term
    bool hardNegatives = false;  ///< each pair's hard negative (when it has one) is a candidate

    /// Test hook: replaces each step's loss before the finite check and backward (e.g. to inject a
    /// NaN). Empty in production.
    std::function<double(std::size_t step, double loss)> lossTransformForTesting;
    /// Crash-test pauses inside writeCheckpoint; none by default.
    PausePoints pausePoints;
};

/// Interrupted: another process of a data-parallel training stopped or did not answer in time
/// (TrainingOutcome::interruption says which collective); nothing is checkpointed then, and the
/// last periodic checkpoint resumes the run.
enum class TrainingEnd { Finished, Cancelled, EarlyStopped, Interrupted };

const char* toString(TrainingEnd end);  ///< "finished", "cancelled", "early_stopped", ...

struct TrainingOutcome {
    TrainingEnd end = TrainingEnd::Finished;
    std::size_t lastStep = 0;  ///< optimizer steps done in total (resumed steps included)
    double lastLoss = 0.0;
    SelectionMeasure selectedBy = SelectionMeasure::Loss;
    std::optional<double>
        bestValidation;                  ///< the best value of selectedBy; none without validation
    std::size_t bestValidationStep = 0;  ///< the step that reached bestValidation
    /// The checkpoint written at the end (a folder that model::loadEncoder also reads); empty when
    /// no checkpointDir was given.
    std::string finalCheckpoint;
    /// The encoder as it was at bestValidationStep (checkpointDir/best, a model::loadEncoder
    /// folder); empty without validation or checkpointDir.
    std::string bestModel;
    std::string interruption;  ///< why the run ended Interrupted
};

/// Sees every step with everything the trainer knows of it (the batch's language mix too), for
/// recording: called on the training thread after each step, before the step's Progress report;
/// never throttled.
using StepObserver = std::function<void(const TrainingProgress&)>;

/// Trains a dual encoder: one optimizer step per sampler batch (so a round-robin multitask
/// sampler gets one step per task batch, the paper's rule). Each step tokenises the batch's queries
/// with the Query prefix and passages (and hard negatives) with the Passage prefix, encodes them
/// with the shared encoder, takes the InfoNCE loss × the batch's task weight, back-propagates,
/// clips, and steps AdamW at the schedule's learning rate.
///
/// Borrows the encoder (trained in place), the batch encoder and the sampler: all must outlive the
/// trainer, and nothing else may use them while train() runs. Runs on the calling thread, which
/// also calls the step observer and the progress sink; the only thing another thread may touch is
/// the cancel token. Process-wide state it sets: at::set_num_threads, OpenBLAS's thread count (1;
/// ATen parallelises around it), and the state of ATen's default CPU generator (seeded on a fresh
/// run, restored on resume). LibTorch's thread settings belong to the process, not to a thread: run
/// one torch job (a trainer, an encoder evaluation) at a time per process.
///
/// Determinism: the same options, seed, data, sampler and thread count give the same losses bit for
/// bit; a run resumed from a checkpoint continues with exactly the losses of an uninterrupted one.
class Trainer {
public:
    Trainer(std::shared_ptr<model::EncoderImpl> encoder, const text::BatchEncoder& batchEncoder,
            BatchSampler& sampler, TrainerOptions options);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    /// Fixed batches for the validation loss (validation_batches.h); they borrow their pool.
    void setValidationBatches(std::vector<Batch> batches);
    /// The held-out queries and passages for the cross-lingual MRR at each validation.
    void setValidationRanking(ValidationRanking ranking);
    void setStepObserver(StepObserver observer);
    /// Reports: Phase::Training after every step (with validationLoss on validation steps) and
    /// Phase::Checkpointing (step, checkpoint folder) after each checkpoint written. Unthrottled.
    void setProgressSink(ProgressSink sink);
    /// Checked before every batch; once cancelled the run ends as Cancelled after writing a
    /// checkpoint.
    void setCancelToken(CancelToken cancel);

    /// Restores a checkpoint written by a trainer with the same options and data: the encoder's
    /// weights, AdamW's moments, the step, the sampler's state, the generator's state and the
    /// early-stopping record. `path` is a checkpoint folder or a checkpointDir (its latest
    /// checkpoint). An unreadable, corrupt or mismatched checkpoint is an Error naming the file;
    /// after an error the trainer may be partly restored: do not train() it, build a new one.
    Status resume(const std::string& path);

    /// Trains until the last step, cancellation or early stopping. A NaN or infinite loss ends the
    /// run as an Error naming the step and the value (no step is taken on it). A checkpoint that
    /// cannot be written is an Error naming the file.
    Result<TrainingOutcome> train();

    /// The step train() would take next minus one (0 on a fresh trainer, the checkpoint's step
    /// after resume()).
    std::size_t completedSteps() const;
    std::size_t totalSteps() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace mtrec::train
