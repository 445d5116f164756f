#include "cli/interrupt_flag.h"

#include <csignal>

namespace mtrec::cli {
namespace {

std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

struct sigaction previousInt {};
struct sigaction previousTerm {};

void onSignal(int signal) {
    if (interrupted.exchange(true)) {
        std::signal(signal, SIG_DFL);  // the second one ends the process
        std::raise(signal);
    }
}

}  // namespace

InterruptFlag::InterruptFlag() {
    interrupted = false;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previousInt);
    sigaction(SIGTERM, &action, &previousTerm);
}

InterruptFlag::~InterruptFlag() {
    sigaction(SIGINT, &previousInt, nullptr);
    sigaction(SIGTERM, &previousTerm, nullptr);
}

const std::atomic<bool>& InterruptFlag::flag() const {
    return interrupted;
}

}  // namespace mtrec::cli
