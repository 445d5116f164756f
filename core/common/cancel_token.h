#pragma once

#include <atomic>
#include <memory>

namespace mtrec {

/// Asks a running job to stop. Copies share one flag: keep a copy, hand one to the job, and call
/// cancel() from any thread (or a signal-watching thread); the job reads cancelled() at least once
/// a batch (a training step, a batch of texts embedded, a chunk of queries ranked) and then ends: a
/// training run cancelled with its checkpoint kept, an evaluation with an Error "cancelled".
/// A default-constructed token is never cancelled unless cancel() is called on it or a copy.
class CancelToken {
public:
    CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}

    /// A token that also reads `external` (e.g. a process-wide interrupt flag), which must outlive
    /// every copy of the token.
    static CancelToken watching(const std::atomic<bool>& external) {
        CancelToken token;
        token.external_ = &external;
        return token;
    }

    void cancel() const { flag_->store(true); }
    bool cancelled() const { return flag_->load() || (external_ && external_->load()); }

private:
    std::shared_ptr<std::atomic<bool>> flag_;
    const std::atomic<bool>* external_ = nullptr;
};

}  // namespace mtrec
