#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace mtrec::store {

/// Which process owns a running run: its pid on its host. Used to tell, at start-up, whether a run
/// marked running is still alive.
struct ProcessIdentity {
    std::int64_t pid = 0;
    std::string hostname;

    /// This process, with the host name from gethostname().
    static ProcessIdentity current();
};

/// True when a process with this pid exists on this host (kill(pid, 0) succeeds or is refused for
/// lack of permission). Pids can be reused, so callers also look at the heartbeat.
bool processAlive(std::int64_t pid);

/// Milliseconds since the Unix epoch, from the system clock.
std::int64_t systemNowMs();

/// Milliseconds since the Unix epoch; injectable so tests can move time.
using Clock = std::function<std::int64_t()>;

}  // namespace mtrec::store
