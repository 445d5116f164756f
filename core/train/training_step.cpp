#include "train/training_step.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

#include <ATen/ATen.h>
#include <ATen/record_function.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <torch/optim/adamw.h>

#include "model/encoder.h"
#include "train/data_parallel.h"
#include "train/gradient_sync.h"

namespace mtrec::train {

namespace {

std::unique_ptr<torch::optim::AdamW> makeOptimizer(model::EncoderImpl& encoder,
                                                   double weightDecay) {
    std::vector<at::Tensor> decayed;
    std::vector<at::Tensor> plain;
    for (const at::Tensor& parameter : encoder.parameters())
        (parameter.dim() >= 2 ? decayed : plain).push_back(parameter);
    // The rate is set before every step from the schedule; 0 here is only the initial value.
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decayed, std::make_unique<torch::optim::AdamWOptions>(
                                     torch::optim::AdamWOptions(0.0).weight_decay(weightDecay)));
    groups.emplace_back(plain, std::make_unique<torch::optim::AdamWOptions>(
                                   torch::optim::AdamWOptions(0.0).weight_decay(0.0)));
    return std::make_unique<torch::optim::AdamW>(std::move(groups),
                                                 torch::optim::AdamWOptions(0.0));
}

}  // namespace

TrainingStep::TrainingStep(model::EncoderImpl& encoder, double weightDecay, double clipNorm,
                           InfoNceOptions loss)
    : encoder_(encoder), clipNorm_(clipNorm), lossOptions_(loss) {
    if (!(weightDecay >= 0.0)) throw std::invalid_argument("TrainingStep: weight decay < 0");
    if (!(clipNorm >= 0.0)) throw std::invalid_argument("TrainingStep: clip norm < 0");
    optimizer_ = makeOptimizer(encoder, weightDecay);
}

TrainingStep::~TrainingStep() = default;

at::Tensor TrainingStep::forwardLoss(const BatchTensors& batch) {
    RECORD_FUNCTION("forward_loss", std::vector<c10::IValue>());
    at::Tensor queries = encoder_.forward(batch.queries.ids, batch.queries.mask);
    const at::Tensor candidates = encoder_.forward(batch.passages.ids, batch.passages.mask);
    at::Tensor passages = candidates.narrow(0, 0, batch.pairs);
    at::Tensor negatives;
    if (batch.hardNegatives > 0) negatives = candidates.narrow(0, batch.pairs, batch.hardNegatives);
    if (dataParallel_ && batch.shards.pairs.size() > 1) {
        RECORD_FUNCTION("gather_embeddings", std::vector<c10::IValue>());
        queries = dataParallel_->gatherRows(queries, batch.shards.pairs);
        passages = dataParallel_->gatherRows(passages, batch.shards.pairs);
        const std::vector<std::int64_t>& shares = batch.shards.negatives;
        if (std::any_of(shares.begin(), shares.end(), [](std::int64_t n) { return n > 0; }))
            negatives = dataParallel_->gatherRows(
                candidates.narrow(0, batch.pairs, batch.hardNegatives), shares);
    }
    return infoNceLoss(queries, passages, negatives, lossOptions_);
}

double TrainingStep::clipGradients() {
    RECORD_FUNCTION("clip_grad_norm", std::vector<c10::IValue>());
    // torch.nn.utils.clip_grad_norm_'s arithmetic: the L2 norm of the per-tensor L2 norms, and one
    // coefficient min(1, max / (norm + 1e-6)) for every gradient, in float32 like Python's.
    std::vector<at::Tensor> grads;
    for (const at::Tensor& parameter : encoder_.parameters())
        if (parameter.grad().defined()) grads.push_back(parameter.grad());
    if (grads.empty()) return 0.0;
    std::vector<at::Tensor> norms;
    norms.reserve(grads.size());
    for (const at::Tensor& grad : grads) norms.push_back(grad.norm(2));
    const at::Tensor total = at::stack(norms).norm(2);
    const double totalValue = total.item<double>();
    if (clipNorm_ > 0.0 && std::isfinite(totalValue)) {
        const at::Tensor coefficient = at::clamp(clipNorm_ / (total + 1e-6), c10::nullopt, 1.0);
        for (at::Tensor& grad : grads) grad.mul_(coefficient);
    }
    return totalValue;
}

StepResult TrainingStep::run(const BatchTensors& batch, double lossWeight, double lr,
                             const std::function<double(double)>& lossTransform) {
    // Drop the gradients instead of zeroing them: backward then hands its fresh gradient tensors
    // over instead of adding them to zeros (same values, two passes less over the parameters).
    for (const at::Tensor& parameter : encoder_.parameters()) parameter.mutable_grad().reset();
    at::Tensor loss = forwardLoss(batch);
    StepResult result;
    result.loss = loss.item<double>();
    if (lossTransform) {
        const double transformed = lossTransform(result.loss);
        if (transformed != result.loss) {
            loss = loss * (transformed / result.loss);
            result.loss = transformed;
        }
    }
    if (!std::isfinite(result.loss)) return result;
    if (lossWeight != 1.0) loss = loss * lossWeight;
    {
        RECORD_FUNCTION("backward", std::vector<c10::IValue>());
        if (dataParallel_) dataParallel_->gradients().prepare();
        loss.backward();
        if (dataParallel_) dataParallel_->gradients().finish();
    }
    result.gradNorm = clipGradients();
    if (!std::isfinite(result.gradNorm)) return result;
    RECORD_FUNCTION("adamw_step", std::vector<c10::IValue>());
    for (auto& group : optimizer_->param_groups()) group.options().set_lr(lr);
    optimizer_->step();
    result.taken = true;
    return result;
}

double TrainingStep::evaluate(const BatchTensors& batch) {
    torch::NoGradGuard noGrad;
    return forwardLoss(batch).item<double>();
}

}  // namespace mtrec::train
