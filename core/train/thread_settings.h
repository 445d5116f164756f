#pragma once

#include <cstddef>

namespace mtrec::train {

/// What configureTrainingThreads() set.
struct ThreadSettings {
    std::size_t intraOpThreads = 1;  ///< at::get_num_threads() afterwards
    bool openBlasPinned = false;     ///< an OpenBLAS was loaded and set to 1 thread
};

/// Sets ATen's intra-op thread count (at::set_num_threads; 0 = the machine's hardware threads).
/// ATen's OpenMP thread count is per calling thread, so call this on the thread that trains.
///
/// Oversubscription: ATen parallelises its own kernels with OpenMP and may call BLAS from inside
/// those parallel regions, while OpenBLAS (when it is the system BLAS) starts its own pool sized by
/// OPENBLAS_NUM_THREADS or the core count — n × n threads on n cores. When the process has
/// OpenBLAS loaded, its pool is set to one thread through openblas_set_num_threads (looked up at
/// run time, so nothing links against OpenBLAS); ATen's threads are the only parallelism left. The
/// encoder's GEMMs go through oneDNN (model/gemm.h), which uses ATen's OpenMP threads. Not
/// thread-safe with concurrent ATen work.
ThreadSettings configureTrainingThreads(std::size_t threads);

}  // namespace mtrec::train
