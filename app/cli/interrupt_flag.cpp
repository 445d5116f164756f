#include "cli/interrupt_flag.h"

#include <csignal>
#include <cstdlib>
#include <thread>

#include <pthread.h>

namespace mtrec::cli {
namespace {

std::atomic<bool> armed{false};        // an InterruptFlag is alive
std::atomic<bool> interrupted{false};  // what InterruptFlag::flag() shows

sigset_t interruptSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

/// Ends the process the way `signal` does by default (the shell sees "killed by SIGINT").
[[noreturn]] void dieBy(int signal) {
    std::signal(signal, SIG_DFL);
    const sigset_t signals = interruptSignals();
    pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
    std::raise(signal);
    std::_Exit(128 + signal);  // not reached
}

void watch(sigset_t signals) {
    for (;;) {
        int signal = 0;
        if (sigwait(&signals, &signal) != 0) continue;
        if (!armed.load() || interrupted.exchange(true)) dieBy(signal);
    }
}

}  // namespace

void installInterruptWatcher() {
    const sigset_t signals = interruptSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread(watch, signals).detach();
}

InterruptFlag::InterruptFlag() {
    interrupted = false;
    armed = true;
}

InterruptFlag::~InterruptFlag() {
    armed = false;
}

const std::atomic<bool>& InterruptFlag::flag() const {
    return interrupted;
}

}  // namespace mtrec::cli
