#pragma once

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "common/result.h"
#include "train/world_settings.h"

namespace mtrec::train {

/// A collective that failed: another process died, closed its connection or did not answer within
/// the timeout. The training ends interrupted; its last checkpoint resumes it.
class CollectiveError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A collective launched and not yet waited for.
class PendingCollective {
public:
    virtual ~PendingCollective() = default;
    /// Blocks until it is done; throws CollectiveError when it failed.
    virtual void wait() = 0;
};

/// The processes of one data-parallel training and what they do together, on LibTorch's c10d:
/// a TCPStore that rank 0 hosts (the rendezvous, and the key-value store through which rank 0
/// hands the other ranks the run), and a process group over it: Gloo (CPU tensors), or NCCL where
/// LibTorch was built with CUDA (USE_C10D_NCCL; Debian's is CPU-only, so "nccl" is refused here). Every collective must be called
/// by every rank in the same order. Every call waits at most the world's timeout and throws
/// CollectiveError when another process is gone.
class Collective {
public:
    virtual ~Collective() = default;

    /// Meets the other processes (rank 0 listens on the master address and port). An Error when
    /// they do not all arrive within the timeout or the address cannot be used.
    static Result<std::shared_ptr<Collective>> connect(const WorldSettings& world);

    virtual int rank() const = 0;
    virtual int size() const = 0;

    /// `tensors` (contiguous CPU) take rank `root`'s values on every rank.
    virtual void broadcast(std::vector<at::Tensor>& tensors, int root) = 0;
    /// Every rank's `tensor` (the same shape on all), in rank order.
    virtual std::vector<at::Tensor> allGather(const at::Tensor& tensor) = 0;
    /// Starts summing `tensor` (contiguous CPU) in place over the ranks.
    virtual std::unique_ptr<PendingCollective> startSum(at::Tensor& tensor) = 0;
    /// Whether `flag` is set on any rank.
    virtual bool anyRank(bool flag) = 0;

    /// Rank 0 hands `value` to the other ranks under `key`; lookup() waits for it (within the
    /// timeout). Keys are read as often as wanted.
    virtual void publish(const std::string& key, const std::string& value) = 0;
    virtual std::string lookup(const std::string& key) = 0;
};

}  // namespace mtrec::train
