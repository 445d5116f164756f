#include "common/pause_point.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <unistd.h>

namespace mtrec {
namespace {

struct PauseRequest {
    std::string point;  ///< empty: none asked for
    long occurrence = 1;
    std::string marker;
};

PauseRequest readRequest() {
    PauseRequest request;
    const char* at = std::getenv("MTREC_TEST_PAUSE_AT");
    if (!at || !*at) return request;
    request.point = at;
    if (const auto colon = request.point.rfind(':'); colon != std::string::npos) {
        request.occurrence = std::strtol(request.point.c_str() + colon + 1, nullptr, 10);
        request.point.resize(colon);
    }
    if (const char* marker = std::getenv("MTREC_TEST_PAUSE_MARKER")) request.marker = marker;
    return request;
}

const PauseRequest& request() {
    static const PauseRequest cached = readRequest();
    return cached;
}

}  // namespace

bool pausePointRequested(const char* point) {
    return request().point == point;
}

void pausePoint(const char* point) {
    if (!pausePointRequested(point)) return;
    static std::atomic<long> reached{0};
    if (++reached != request().occurrence) return;
    if (!request().marker.empty()) {
        const std::string temporary = request().marker + ".tmp";
        std::ofstream(temporary) << ::getpid() << '\n';
        std::rename(temporary.c_str(), request().marker.c_str());  // the marker appears complete
    }
    for (;;) ::pause();
}

}  // namespace mtrec
