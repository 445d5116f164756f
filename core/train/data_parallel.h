#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>

namespace mtrec::model {
class EncoderImpl;
}

namespace mtrec::train {

class Collective;
class GradientSync;

/// What one rank of a data-parallel training does beyond a single process's step: the parameters
/// broadcast from rank 0, the global batch's embeddings gathered from every rank's share, and the
/// gradients summed while backward runs (gradient_sync.h). Every rank samples the same global
/// batch (same sampler, same seed), so hybrid and multitask decisions need no communication.
/// Borrows the encoder; shares the collective.
class DataParallel {
public:
    DataParallel(std::shared_ptr<Collective> collective, model::EncoderImpl& encoder);
    ~DataParallel();
    DataParallel(const DataParallel&) = delete;
    DataParallel& operator=(const DataParallel&) = delete;

    int rank() const;
    int size() const;
    Collective& collective() { return *collective_; }
    GradientSync& gradients() { return *gradients_; }

    /// Every rank's parameters take rank 0's values (at the start, and after a resume).
    void broadcastParameters();

    /// The rows of every rank in rank order, `rowsPerRank` of each ([sum, D]): this rank's own rows
    /// are `local` itself (gradients flow back through them), the others' are copies. A rank with
    /// no rows passes a [0, D] tensor.
    at::Tensor gatherRows(const at::Tensor& local, const std::vector<std::int64_t>& rowsPerRank);

    /// Rank 0's `values` on every rank (so a decision taken from them is the same everywhere).
    std::vector<double> leaderValues(const std::vector<double>& values);

    /// Seconds spent gathering and waiting for gradient sums since the last call; resets it.
    double takeCommunicationSeconds();

private:
    std::shared_ptr<Collective> collective_;
    model::EncoderImpl& encoder_;
    std::unique_ptr<GradientSync> gradients_;
    double gatherSeconds_ = 0.0;
};

}  // namespace mtrec::train
