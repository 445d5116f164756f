#include "store/process_identity.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace mtrec::store {

ProcessIdentity ProcessIdentity::current() {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    return ProcessIdentity{static_cast<std::int64_t>(::getpid()), host};
}

bool processAlive(std::int64_t pid) {
    if (pid <= 0) return false;
    if (::kill(static_cast<pid_t>(pid), 0) == 0) return true;
    return errno == EPERM;
}

std::int64_t systemNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace mtrec::store
