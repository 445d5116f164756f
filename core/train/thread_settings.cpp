#include "train/thread_settings.h"

#include <dlfcn.h>

#include <algorithm>
#include <thread>

#include <ATen/Parallel.h>

namespace mtrec::train {

ThreadSettings configureTrainingThreads(std::size_t threads) {
    const std::size_t wanted =
        threads > 0 ? threads : std::max<std::size_t>(1, std::thread::hardware_concurrency());
    at::set_num_threads(static_cast<int>(wanted));
    ThreadSettings settings;
    settings.intraOpThreads = static_cast<std::size_t>(at::get_num_threads());
    using SetThreads = void (*)(int);
    if (auto* setOpenBlasThreads =
            reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) {
        setOpenBlasThreads(1);
        settings.openBlasPinned = true;
    }
    return settings;
}

}  // namespace mtrec::train
