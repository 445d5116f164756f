#include "common/pause_point.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <unistd.h>

namespace mtrec {

struct PausePoints::State {
    std::string point;
    long occurrence = 1;
    std::string marker;
    std::atomic<long> reached{0};
};

PausePoints::PausePoints(const std::string& request, std::string marker) {
    if (request.empty()) return;
    state_ = std::make_shared<State>();
    state_->point = request;
    if (const auto colon = request.rfind(':'); colon != std::string::npos) {
        state_->occurrence = std::strtol(request.c_str() + colon + 1, nullptr, 10);
        state_->point.resize(colon);
    }
    state_->marker = std::move(marker);
}

bool PausePoints::requested(const char* point) const {
    return state_ && state_->point == point;
}

void PausePoints::reach(const char* point) const {
    if (!requested(point)) return;
    if (++state_->reached != state_->occurrence) return;
    if (!state_->marker.empty()) {
        const std::string temporary = state_->marker + ".tmp";
        std::ofstream(temporary) << ::getpid() << '\n';
        std::rename(temporary.c_str(), state_->marker.c_str());  // the marker appears complete
    }
    for (;;) ::pause();
}

}  // namespace mtrec
