#include "train/data_parallel.h"

#include <algorithm>
#include <chrono>

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include "model/encoder.h"
#include "train/collective.h"
#include "train/gradient_sync.h"

namespace mtrec::train {

DataParallel::DataParallel(std::shared_ptr<Collective> collective, model::EncoderImpl& encoder)
    : collective_(std::move(collective)),
      encoder_(encoder),
      gradients_(std::make_unique<GradientSync>(encoder.parameters(), *collective_)) {}

DataParallel::~DataParallel() = default;

int DataParallel::rank() const {
    return collective_->rank();
}

int DataParallel::size() const {
    return collective_->size();
}

void DataParallel::broadcastParameters() {
    at::NoGradGuard noGrad;
    std::vector<at::Tensor> tensors;
    for (const at::Tensor& parameter : encoder_.parameters()) tensors.push_back(parameter.detach());
    for (const at::Tensor& buffer : encoder_.buffers()) tensors.push_back(buffer.detach());
    collective_->broadcast(tensors, 0);
}

at::Tensor DataParallel::gatherRows(const at::Tensor& local,
                                    const std::vector<std::int64_t>& rowsPerRank) {
    const auto start = std::chrono::steady_clock::now();
    const std::int64_t widest = *std::max_element(rowsPerRank.begin(), rowsPerRank.end());
    at::Tensor padded = local.detach();
    if (padded.size(0) < widest)
        padded = at::cat({padded, at::zeros({widest - padded.size(0), padded.size(1)},
                                            padded.options())});
    const std::vector<at::Tensor> gathered = collective_->allGather(padded);
    std::vector<at::Tensor> pieces;
    for (int r = 0; r < size(); ++r)
        pieces.push_back(r == rank() ? local
                                     : gathered[static_cast<std::size_t>(r)].narrow(
                                           0, 0, rowsPerRank[static_cast<std::size_t>(r)]));
    gatherSeconds_ +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return at::cat(pieces);
}

std::vector<double> DataParallel::leaderValues(const std::vector<double>& values) {
    std::vector<at::Tensor> tensors{
        at::tensor(values, at::TensorOptions().dtype(at::kDouble)).contiguous()};
    collective_->broadcast(tensors, 0);
    const at::Tensor& shared = tensors[0];
    return {shared.data_ptr<double>(), shared.data_ptr<double>() + shared.numel()};
}

double DataParallel::takeCommunicationSeconds() {
    const double seconds = gatherSeconds_ + gradients_->lastWaitSeconds();
    gatherSeconds_ = 0.0;
    return seconds;
}

}  // namespace mtrec::train
