#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>

namespace mtrec::train {

class Collective;
class PendingCollective;

/// Sums the gradients of a model's parameters over the ranks of a data-parallel training while the
/// backward pass runs, as DDP's reducer does: the parameters are packed into buckets of about
/// `bucketBytes` (in reverse order, the order backward produces their gradients); a hook on each
/// parameter copies its gradient into its bucket, and a full bucket's sum starts at once on the
/// process group's threads, in bucket order on every rank. finish() sums what backward did not
/// reach (a parameter no gradient flowed to counts as zeros), waits for every bucket and makes each
/// parameter's gradient the summed one (a view of its bucket).
///
/// Sums, not means: every rank computes the loss of the whole global batch and back-propagates
/// only through its own share of the embeddings, so the sum over the ranks is exactly the global
/// batch's gradient. Float32 parameters only. Not thread-safe; the hooks run on the thread that
/// calls backward().
class GradientSync {
public:
    GradientSync(std::vector<at::Tensor> parameters, Collective& collective,
                 std::size_t bucketBytes = 25u << 20);
    ~GradientSync();
    GradientSync(const GradientSync&) = delete;
    GradientSync& operator=(const GradientSync&) = delete;

    /// Before each backward pass.
    void prepare();
    /// After it (also when no backward ran on this rank). Throws CollectiveError.
    void finish();

    std::size_t bucketCount() const { return buckets_.size(); }
    /// Seconds finish() waited for sums not yet done: the communication backward did not hide.
    double lastWaitSeconds() const { return lastWaitSeconds_; }

private:
    struct Bucket {
        at::Tensor flat;
        std::vector<std::size_t> parameters;  // indices into parameters_
        std::size_t ready = 0;
        std::unique_ptr<PendingCollective> pending;
    };
    struct Slot {
        std::size_t bucket = 0;
        std::int64_t offset = 0;  // elements into the bucket
        bool ready = false;
    };

    void onGradient(std::size_t parameter, const at::Tensor& grad);
    void launchReadyBuckets();
    at::Tensor sliceOf(std::size_t parameter);

    std::vector<at::Tensor> parameters_;
    Collective& collective_;
    std::vector<Bucket> buckets_;
    std::vector<Slot> slots_;
    std::vector<unsigned> hooks_;
    std::size_t nextToLaunch_ = 0;
    double lastWaitSeconds_ = 0.0;
};

}  // namespace mtrec::train
