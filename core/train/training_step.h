#pragma once

#include <functional>
#include <memory>

#include <ATen/core/Tensor.h>

#include "train/batch_tensors.h"
#include "train/info_nce_loss.h"

namespace torch::optim {
class AdamW;
}
namespace mtrec::model {
class EncoderImpl;
}

namespace mtrec::train {

class DataParallel;

struct StepResult {
    double loss = 0.0;      ///< the batch's loss (after the test transform, before the weight)
    double gradNorm = 0.0;  ///< global L2 norm of the gradients before clipping; 0 when not taken
    /// false: the loss or the gradient norm was NaN or infinite, and the weights were not changed
    bool taken = false;
};

/// One optimizer step of the dual encoder on a tokenised batch, and the validation loss. Owns the
/// AdamW optimizer over the encoder's parameters: matrices (dim >= 2: linear weights, embedding
/// tables) get the weight decay, vectors (biases, LayerNorm weights) get none, as in
/// sentence-transformers. Borrows the encoder, which must outlive this object. Not thread-safe; the
/// ATen thread count in force is used.
class TrainingStep {
public:
    /// Throws std::invalid_argument when weightDecay < 0 or clipNorm < 0.
    TrainingStep(model::EncoderImpl& encoder, double weightDecay, double clipNorm,
                 InfoNceOptions loss);
    ~TrainingStep();
    TrainingStep(const TrainingStep&) = delete;
    TrainingStep& operator=(const TrainingStep&) = delete;

    /// Makes every step a data-parallel one (null: a single process). The batches given are then
    /// this rank's shares: their embeddings are gathered into the global batch, whose loss every
    /// rank computes alike, and the gradients are summed over the ranks before clipping, so all
    /// ranks take the same optimizer step. Borrowed; it must outlive the steps.
    void setDataParallel(DataParallel* dataParallel) { dataParallel_ = dataParallel; }

    /// The scalar InfoNCE loss of the batch with the encoder in its current mode (differentiable);
    /// of the global batch in a data-parallel training.
    at::Tensor forwardLoss(const BatchTensors& batch);

    /// zero grad → loss → (transform) → finite check → backward of loss × lossWeight → clip to the
    /// global norm → AdamW step at `lr`. The encoder must be in training mode. When the loss is
    /// NaN or infinite nothing is back-propagated; when the gradient norm is, nothing is stepped
    /// (taken = false either way; the gradients are left as they are).
    StepResult run(const BatchTensors& batch, double lossWeight, double lr,
                   const std::function<double(double)>& lossTransform = {});

    /// The batch's loss without gradients; the caller puts the encoder in eval mode.
    double evaluate(const BatchTensors& batch);

    torch::optim::AdamW& optimizer() { return *optimizer_; }

private:
    double clipGradients();

    model::EncoderImpl& encoder_;
    double clipNorm_;
    InfoNceOptions lossOptions_;
    std::unique_ptr<torch::optim::AdamW> optimizer_;
    DataParallel* dataParallel_ = nullptr;
};

}  // namespace mtrec::train
