#include "model/gemm.h"

#include <stdexcept>
#include <string>
#include <vector>

#ifdef MTREC_HAVE_DNNL_SGEMM
extern "C" {
// oneDNN's C API (dnnl.h, v2/v3), declared here because Debian ships the library LibTorch links
// (libdnnl2) without its headers. Status 0 is dnnl_success.
int dnnl_sgemm(char transa, char transb, int64_t M, int64_t N, int64_t K, float alpha,
               const float* A, int64_t lda, const float* B, int64_t ldb, float beta, float* C,
               int64_t ldc);
// bfloat16 stored as its 16 raw bits (dnnl_bfloat16_t is uint16_t).
int dnnl_gemm_bf16bf16f32(char transa, char transb, int64_t M, int64_t N, int64_t K, float alpha,
                          const uint16_t* A, int64_t lda, const uint16_t* B, int64_t ldb,
                          float beta, float* C, int64_t ldc);
}
#else
#include <ATen/Functions.h>
#endif

extern "C" {
// The OpenMP runtime LibTorch links (libgomp); declared here to keep omp.h and -fopenmp out of
// the build.
int omp_get_max_threads();
void omp_set_num_threads(int threads);
}

namespace mtrec::model {

SerialGemmScope::SerialGemmScope() : previousThreads_(omp_get_max_threads()) {
    omp_set_num_threads(1);
}

SerialGemmScope::~SerialGemmScope() {
    omp_set_num_threads(previousThreads_);
}

#ifdef MTREC_HAVE_DNNL_SGEMM

void sgemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float* a,
           int64_t lda, const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
    if (m == 0 || n == 0) return;
    const int status = dnnl_sgemm(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, alpha, a, lda, b,
                                  ldb, beta, c, ldc);
    if (status != 0)
        throw std::runtime_error("dnnl_sgemm failed with status " + std::to_string(status) +
                                 " (m=" + std::to_string(m) + ", n=" + std::to_string(n) +
                                 ", k=" + std::to_string(k) + ")");
}

void gemmBf16(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha,
              const c10::BFloat16* a, int64_t lda, const c10::BFloat16* b, int64_t ldb, float beta,
              float* c, int64_t ldc) {
    if (m == 0 || n == 0) return;
    static_assert(sizeof(c10::BFloat16) == sizeof(uint16_t), "bfloat16 is 16 bits");
    const int status =
        dnnl_gemm_bf16bf16f32(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, alpha,
                              reinterpret_cast<const uint16_t*>(a), lda,
                              reinterpret_cast<const uint16_t*>(b), ldb, beta, c, ldc);
    if (status != 0)
        throw std::runtime_error("dnnl_gemm_bf16bf16f32 failed with status " +
                                 std::to_string(status) + " (m=" + std::to_string(m) +
                                 ", n=" + std::to_string(n) + ", k=" + std::to_string(k) + ")");
}

bool sgemmUsesOneDnn() {
    return true;
}

#else

namespace {

at::Tensor view(const float* data, bool trans, int64_t rows, int64_t cols, int64_t ld) {
    // op(X) is rows × cols; X itself is stored row-major with row stride ld.
    auto options = at::TensorOptions().dtype(at::kFloat);
    float* p = const_cast<float*>(data);
    if (!trans) return at::from_blob(p, {rows, cols}, {ld, 1}, options);
    return at::from_blob(p, {cols, rows}, {ld, 1}, options).t();
}

}  // namespace

void sgemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float* a,
           int64_t lda, const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
    if (m == 0 || n == 0) return;
    at::Tensor out = at::from_blob(c, {m, n}, {ldc, 1}, at::TensorOptions().dtype(at::kFloat));
    at::Tensor product = at::mm(view(a, transA, m, k, lda), view(b, transB, k, n, ldb));
    if (beta == 0.0f)
        out.copy_(product.mul_(alpha));
    else
        out.mul_(beta).add_(product, alpha);
}

namespace {

/// The stored matrix of op(X) (rows × cols of op(X), row stride ld) widened to a dense float32
/// copy of the same orientation, row stride = its own width.
std::vector<float> widen(const c10::BFloat16* x, bool trans, int64_t rows, int64_t cols,
                         int64_t ld) {
    const int64_t storedRows = trans ? cols : rows, storedCols = trans ? rows : cols;
    std::vector<float> wide(static_cast<size_t>(storedRows * storedCols));
    for (int64_t r = 0; r < storedRows; ++r)
        for (int64_t col = 0; col < storedCols; ++col)
            wide[static_cast<size_t>(r * storedCols + col)] = static_cast<float>(x[r * ld + col]);
    return wide;
}

}  // namespace

void gemmBf16(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha,
              const c10::BFloat16* a, int64_t lda, const c10::BFloat16* b, int64_t ldb, float beta,
              float* c, int64_t ldc) {
    if (m == 0 || n == 0) return;
    const std::vector<float> wideA = widen(a, transA, m, k, lda);
    const std::vector<float> wideB = widen(b, transB, k, n, ldb);
    sgemm(transA, transB, m, n, k, alpha, wideA.data(), transA ? m : k, wideB.data(),
          transB ? k : n, beta, c, ldc);
}

bool sgemmUsesOneDnn() {
    return false;
}

#endif

}  // namespace mtrec::model
