#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace mtrec::cli {

/// Shows progress on stderr: a bar redrawn in place on a terminal, plain lines (at most one per
/// `lineEvery` percent) when stderr is piped or redirected. Not thread-safe; call from one thread.
class ProgressPrinter {
public:
    explicit ProgressPrinter(std::string label, int lineEvery = 10);
    ~ProgressPrinter();

    /// `etaSeconds` > 0 is shown as the time left (a long ranking step reports one).
    void update(std::size_t done, std::size_t total, double etaSeconds = 0.0);
    /// Ends the bar's line (terminal) so later output starts on a fresh line.
    void finish();

private:
    std::string label_;
    int lineEvery_;
    bool terminal_;
    int lastPercent_ = -1;
    bool open_ = false;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace mtrec::cli
