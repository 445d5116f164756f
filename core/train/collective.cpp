#include "train/collective.h"

// Debian's LibTorch is built with Gloo; its c10d headers declare ProcessGroupGloo only under this.
#define USE_C10D_GLOO 1

#include <cstdlib>
#include <utility>

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_NCCL  // a CUDA build of LibTorch
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

namespace mtrec::train {
namespace {

/// c10d's message without the C++ backtrace LibTorch appends.
std::string messageOf(const std::exception& error) {
    if (const auto* c10 = dynamic_cast<const c10::Error*>(&error)) return c10->what_without_backtrace();
    return error.what();
}

/// Runs `call`, turning any failure of c10d into a CollectiveError that names the operation.
template <typename Call>
auto guarded(int rank, const std::string& operation, Call&& call) {
    try {
        return call();
    } catch (const CollectiveError&) {
        throw;
    } catch (const std::exception& error) {
        throw CollectiveError("rank " + std::to_string(rank) + ": " + operation +
                              " failed (another process may have stopped): " + messageOf(error));
    }
}

class PendingWork final : public PendingCollective {
public:
    PendingWork(c10::intrusive_ptr<c10d::Work> work, int rank) : work_(std::move(work)), rank_(rank) {}
    void wait() override {
        guarded(rank_, "summing gradients", [&] { return work_->wait(); });
    }

private:
    c10::intrusive_ptr<c10d::Work> work_;
    int rank_;
};

class GroupCollective final : public Collective {
public:
    GroupCollective(c10::intrusive_ptr<c10d::Store> store,
                    c10::intrusive_ptr<c10d::ProcessGroup> group, int rank, int size)
        : store_(std::move(store)), group_(std::move(group)), rank_(rank), size_(size) {}

    int rank() const override { return rank_; }
    int size() const override { return size_; }

    void broadcast(std::vector<at::Tensor>& tensors, int root) override {
        guarded(rank_, "broadcast", [&] {
            c10d::BroadcastOptions options;
            options.rootRank = root;
            // One tensor per call: Gloo's broadcast takes one tensor per process.
            for (at::Tensor& tensor : tensors) {
                std::vector<at::Tensor> one{tensor};
                group_->broadcast(one, options)->wait();
            }
            return 0;
        });
    }

    std::vector<at::Tensor> allGather(const at::Tensor& tensor) override {
        return guarded(rank_, "all-gather", [&] {
            std::vector<at::Tensor> input{tensor.contiguous()};
            std::vector<std::vector<at::Tensor>> output(1);
            for (int r = 0; r < size_; ++r) output[0].push_back(at::empty_like(input[0]));
            group_->allgather(output, input)->wait();
            return output[0];
        });
    }

    std::unique_ptr<PendingCollective> startSum(at::Tensor& tensor) override {
        return guarded(rank_, "summing gradients", [&] {
            std::vector<at::Tensor> tensors{tensor};
            return std::unique_ptr<PendingCollective>(
                std::make_unique<PendingWork>(group_->allreduce(tensors), rank_));
        });
    }

    bool anyRank(bool flag) override {
        return guarded(rank_, "agreeing to go on", [&] {
            std::vector<at::Tensor> tensors{at::full({1}, flag ? 1 : 0, at::kInt)};
            c10d::AllreduceOptions options;
            options.reduceOp = c10d::ReduceOp::MAX;
            group_->allreduce(tensors, options)->wait();
            return tensors[0].item<int>() != 0;
        });
    }

    void publish(const std::string& key, const std::string& value) override {
        guarded(rank_, "publishing the run", [&] {
            store_->set(key, std::vector<std::uint8_t>(value.begin(), value.end()));
            return 0;
        });
    }

    std::string lookup(const std::string& key) override {
        return guarded(rank_, "waiting for rank 0's " + key, [&] {
            const std::vector<std::uint8_t> value = store_->get(key);
            return std::string(value.begin(), value.end());
        });
    }

private:
    c10::intrusive_ptr<c10d::Store> store_;
    c10::intrusive_ptr<c10d::ProcessGroup> group_;
    int rank_;
    int size_;
};

/// The network interface this process's Gloo connections use: GLOO_SOCKET_IFNAME's when set (as
/// PyTorch reads it), the loopback one when every process meets on this host, else the address
/// this host's name resolves to.
std::shared_ptr<::gloo::transport::Device> transportDevice(const std::string& masterAddress) {
    if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
        return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
    if (masterAddress == "localhost" || masterAddress.rfind("127.", 0) == 0)
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

/// The process group of `world.backend` over `store`.
c10::intrusive_ptr<c10d::ProcessGroup> processGroup(const c10::intrusive_ptr<c10d::Store>& store,
                                                    const WorldSettings& world) {
    if (world.backend == "nccl") {
#ifdef USE_C10D_NCCL
        auto options = c10d::ProcessGroupNCCL::Options::create();
        options->timeout = world.timeout;
        return c10::make_intrusive<c10d::ProcessGroupNCCL>(store, world.rank, world.worldSize,
                                                           options);
#endif
    }
    auto options = c10d::ProcessGroupGloo::Options::create(world.timeout);
    options->devices.push_back(transportDevice(world.masterAddress));
    options->threads = 2;
    return c10::make_intrusive<c10d::ProcessGroupGloo>(store, world.rank, world.worldSize,
                                                       options);
}

}  // namespace

Result<std::shared_ptr<Collective>> Collective::connect(const WorldSettings& world) {
#ifndef USE_C10D_NCCL
    if (world.backend == "nccl")
        return Error{"the nccl backend needs a CUDA build of LibTorch; this one is CPU-only "
                     "(Debian's): use gloo"};
#endif
    const std::string where = world.masterAddress + ":" + std::to_string(world.masterPort);
    try {
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = world.masterPort;
        storeOptions.isServer = world.leader() && !world.agentStore;
        storeOptions.numWorkers = world.worldSize;
        storeOptions.timeout = world.timeout;
        auto tcpStore = c10::make_intrusive<c10d::TCPStore>(world.masterAddress, storeOptions);
        // Keys of this program (and of this restart, under torchrun's agent) apart from any other
        // user of the same store, as torch.distributed names them.
        auto store = c10::make_intrusive<c10d::PrefixStore>(
            "/worker/attempt_" + std::to_string(world.restartCount) + "/mtrec", tcpStore);
        return std::shared_ptr<Collective>(std::make_shared<GroupCollective>(
            store, processGroup(store, world), world.rank, world.worldSize));
    } catch (const std::exception& error) {
        return Error{"rank " + std::to_string(world.rank) + " of " +
                     std::to_string(world.worldSize) + ": could not meet the other processes at " +
                     where + " within " + std::to_string(world.timeout.count()) +
                     " s: " + messageOf(error)};
    }
}

}  // namespace mtrec::train
