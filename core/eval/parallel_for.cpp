#include "eval/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace mtrec::eval {

void parallelFor(std::size_t count, int threads, std::size_t grain,
                 const std::function<void(std::size_t, std::size_t)>& body) {
    if (count == 0) return;
    grain = std::max<std::size_t>(grain, 1);
    const std::size_t blocks = (count + grain - 1) / grain;
    const std::size_t workers = std::min<std::size_t>(std::max(threads, 1), blocks);
    if (workers == 1) {
        body(0, count);
        return;
    }
    std::atomic<std::size_t> nextBlock{0};
    std::exception_ptr failure;  // guarded by failureMutex
    std::mutex failureMutex;
    const auto work = [&] {
        try {
            for (std::size_t block = nextBlock++; block < blocks; block = nextBlock++)
                body(block * grain, std::min(count, (block + 1) * grain));
        } catch (...) {
            std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure) failure = std::current_exception();
            nextBlock = blocks;
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < workers; ++i) pool.emplace_back(work);
    work();
    for (std::thread& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace mtrec::eval
