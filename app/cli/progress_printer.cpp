#include "cli/progress_printer.h"

#include <cstdio>

#include <unistd.h>

namespace mtrec::cli {

namespace {

std::string eta(double seconds) {
    if (seconds <= 0) return {};
    char text[32];
    std::snprintf(text, sizeof text, ", ETA %.0fs", seconds);
    return text;
}

}  // namespace

ProgressPrinter::ProgressPrinter(std::string label, int lineEvery)
    : label_(std::move(label)),
      lineEvery_(lineEvery),
      terminal_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

ProgressPrinter::~ProgressPrinter() { finish(); }

void ProgressPrinter::update(std::size_t done, std::size_t total, double etaSeconds) {
    if (total == 0) return;
    const int percent = static_cast<int>(100 * done / total);
    if (percent == lastPercent_) return;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (terminal_) {
        constexpr int kWidth = 30;
        const int filled = percent * kWidth / 100;
        std::fprintf(stderr, "\r%s [%.*s%*s] %3d%% %zu/%zu %.1fs%s", label_.c_str(), filled,
                     "##############################", kWidth - filled, "", percent, done, total,
                     seconds, eta(etaSeconds).c_str());
        open_ = true;
    } else if (lastPercent_ < 0 || percent / lineEvery_ != lastPercent_ / lineEvery_ ||
               done == total) {
        std::fprintf(stderr, "%s: %d%% (%zu/%zu) after %.1fs%s\n", label_.c_str(), percent, done,
                     total, seconds, eta(etaSeconds).c_str());
    }
    std::fflush(stderr);
    lastPercent_ = percent;
}

void ProgressPrinter::finish() {
    if (open_) std::fputc('\n', stderr);
    open_ = false;
}

}  // namespace mtrec::cli
