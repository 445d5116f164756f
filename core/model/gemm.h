#pragma once

#include <cstdint>

#include <c10/util/BFloat16.h>

namespace mtrec::model {

/// Row-major single-precision GEMM: C = alpha · op(A) · op(B) + beta · C, with op(X) = X or Xᵀ.
/// op(A) is m × k, op(B) is k × n, C is m × n; lda/ldb/ldc are row strides in elements. When beta
/// is 0, C need not be initialised.
///
/// Runs oneDNN's sgemm (the library LibTorch itself links) when the build found it, else ATen's
/// mm: Debian's ATen sends float32 mm to the reference BLAS, about 25× slower than oneDNN here
/// (1.6 vs 43 GFLOP/s on one core). Uses the calling thread's OpenMP thread count (ATen's
/// at::set_num_threads sets it); called inside a parallel region it runs on one thread.
/// Thread-safe.
void sgemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float* a,
           int64_t lda, const float* b, int64_t ldb, float beta, float* c, int64_t ldc);

/// True when sgemm() runs oneDNN (for benchmarks and reports).
bool sgemmUsesOneDnn();

/// sgemm() with bfloat16 A and B: C = alpha · op(A) · op(B) + beta · C, C in float32, every
/// product and sum in float32 (only the inputs are rounded). Same layout, strides, threads and
/// thread-safety as sgemm(). Runs oneDNN's gemm_bf16bf16f32 with sgemm() (native AVX512-BF16 or
/// AMX instructions where the CPU has them, emulated and slower than sgemm where it has not);
/// without oneDNN it widens A and B to float32 and calls sgemm(), which gives the same products.
void gemmBf16(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha,
              const c10::BFloat16* a, int64_t lda, const c10::BFloat16* b, int64_t ldb, float beta,
              float* c, int64_t ldc);

/// While alive, sgemm() calls on this thread run single-threaded. For GEMMs issued from inside an
/// at::parallel_for chunk: there, with the OpenMP thread count left at 2, the per-head attention
/// GEMMs measured 5-7 times slower than with it set to 1. Sets this thread's OpenMP thread count,
/// which each thread of a parallel region holds privately; the destructor restores it.
class SerialGemmScope {
public:
    SerialGemmScope();
    ~SerialGemmScope();
    SerialGemmScope(const SerialGemmScope&) = delete;
    SerialGemmScope& operator=(const SerialGemmScope&) = delete;

private:
    int previousThreads_;
};

}  // namespace mtrec::model
