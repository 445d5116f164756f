#include "model/linear.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <vector>

#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/gemm.h"
#include "model/matmul_precision.h"

namespace mtrec::model {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// Copies `bias` into every row of the [n, out] buffer y (a plain memcpy per row: ATen's copy_
/// from an expanded tensor took 3.5% of a training step).
void fillRows(float* y, const at::Tensor& bias, int64_t n, int64_t out) {
    const at::Tensor b = bias.contiguous();
    const float* source = b.data_ptr<float>();
    at::parallel_for(0, n, std::max<int64_t>(1, (1 << 16) / out), [&](int64_t begin, int64_t end) {
        for (int64_t r = begin; r < end; ++r) std::memcpy(y + r * out, source, out * sizeof(float));
    });
}

/// C = alpha · op(A) · op(B) + beta · C through sgemm or gemmBf16, after A's element type (B's
/// must be the same): float32 or bfloat16.
void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, const at::Tensor& a,
          int64_t lda, const at::Tensor& b, int64_t ldb, float beta, float* c, int64_t ldc) {
    if (a.scalar_type() == at::kBFloat16)
        gemmBf16(transA, transB, m, n, k, 1.0f, a.data_ptr<at::BFloat16>(), lda,
                 b.data_ptr<at::BFloat16>(), ldb, beta, c, ldc);
    else
        sgemm(transA, transB, m, n, k, 1.0f, a.data_ptr<float>(), lda, b.data_ptr<float>(), ldb,
              beta, c, ldc);
}

/// The matrix x [rows, cols] as a GEMM operand in `precision` whose rows are contiguous (read
/// with ld = stride(0)): x itself when it is float32 laid out so, else a copy (to bfloat16:
/// rounded to nearest even).
at::Tensor gemmOperand(const at::Tensor& x, MatmulPrecision precision) {
    if (precision == MatmulPrecision::Bf16) return x.to(at::kBFloat16).contiguous();
    return x.stride(1) == 1 && x.stride(0) >= x.size(1) ? x : x.contiguous();
}

/// y = rows · weightᵀ + bias in float32, rows and weight being GEMM operands of one precision; y is
/// allocated with the caller's final `shape` ([..., out]) so that no view stands between the
/// autograd node and in-place work on its output.
at::Tensor linearForward(const at::Tensor& rows, const at::Tensor& weight, const at::Tensor& bias,
                         at::IntArrayRef shape) {
    RECORD_FUNCTION("mtrec::linear", std::vector<c10::IValue>());
    const int64_t n = rows.size(0), in = rows.size(1), out = weight.size(0);
    at::Tensor y = at::empty(shape, rows.options().dtype(at::kFloat));
    if (bias.defined()) fillRows(y.data_ptr<float>(), bias, n, out);
    gemm(false, true, n, out, in, rows, rows.stride(0), weight, weight.stride(0),
         bias.defined() ? 1.0f : 0.0f, y.data_ptr<float>(), out);
    return y;
}

/// Differentiable linear on float32 rows. The forward saves the GEMM operands it used, so their
/// element type records its precision: the backward runs in the same precision whatever scope is
/// in force when it runs (the incoming gradient is rounded to bfloat16 for the two GEMMs of a
/// bfloat16 forward; the bias gradient is always summed in float32).
struct LinearFunction : public torch::autograd::Function<LinearFunction> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& rows,
                              const at::Tensor& weight, const at::Tensor& bias,
                              const std::vector<int64_t>& shape) {
        const MatmulPrecision precision = currentMatmulPrecision();
        const at::Tensor gemmRows = gemmOperand(rows, precision);
        const at::Tensor gemmWeight = gemmOperand(weight, precision);
        ctx->save_for_backward({gemmRows, gemmWeight});
        ctx->saved_data["has_bias"] = bias.defined();
        return linearForward(gemmRows, gemmWeight, bias, shape);
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        RECORD_FUNCTION("mtrec::linear_backward", std::vector<c10::IValue>());
        const auto saved = ctx->get_saved_variables();
        const at::Tensor& rows = saved[0];
        const at::Tensor& weight = saved[1];
        const int64_t n = rows.size(0), in = rows.size(1), out = weight.size(0);
        const at::Tensor grad = grads[0].reshape({n, out}).contiguous();
        const at::TensorOptions floats = grad.options();
        at::Tensor gradRows, gradWeight, gradBias;
        if (ctx->needs_input_grad(0) || ctx->needs_input_grad(1)) {
            const at::Tensor gemmGrad = rows.scalar_type() == at::kBFloat16
                                            ? gemmOperand(grad, MatmulPrecision::Bf16)
                                            : grad;
            if (ctx->needs_input_grad(0)) {  // [n, in] = grad [n, out] · weight [out, in]
                gradRows = at::empty({n, in}, floats);
                gemm(false, false, n, in, out, gemmGrad, out, weight, weight.stride(0), 0.0f,
                     gradRows.data_ptr<float>(), in);
            }
            if (ctx->needs_input_grad(1)) {  // [out, in] = gradᵀ [out, n] · rows [n, in]
                gradWeight = at::empty({out, in}, floats);
                gemm(true, false, out, in, n, gemmGrad, out, rows, rows.stride(0), 0.0f,
                     gradWeight.data_ptr<float>(), in);
            }
        }
        if (ctx->saved_data["has_bias"].toBool() && ctx->needs_input_grad(2)) {
            // Column sums as a [1, n] · [n, out] product: one streaming pass in oneDNN, about
            // four times faster here than ATen's strided sum(0).
            const at::Tensor ones = at::ones({n}, floats);
            gradBias = at::empty({out}, floats);
            sgemm(false, false, 1, out, n, 1.0f, ones.data_ptr<float>(), n, grad.data_ptr<float>(),
                  out, 0.0f, gradBias.data_ptr<float>(), out);
        }
        return {gradRows, gradWeight, gradBias, at::Tensor()};
    }
};

}  // namespace

at::Tensor linear(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias) {
    if (x.scalar_type() != at::kFloat || weight.scalar_type() != at::kFloat)
        throw std::invalid_argument("linear: float32 tensors expected");
    const int64_t in = weight.size(1), out = weight.size(0);
    if (x.size(-1) != in)
        throw std::invalid_argument("linear: input has " + std::to_string(x.size(-1)) +
                                    " features, the weight expects " + std::to_string(in));
    std::vector<int64_t> shape = x.sizes().vec();
    shape.back() = out;
    const at::Tensor rows = x.reshape({-1, in});
    const bool grad =
        at::GradMode::is_enabled() && (rows.requires_grad() || weight.requires_grad() ||
                                       (bias.defined() && bias.requires_grad()));
    if (grad) return LinearFunction::apply(rows, weight, bias, shape);
    const MatmulPrecision precision = currentMatmulPrecision();
    return linearForward(gemmOperand(rows, precision), gemmOperand(weight, precision), bias, shape);
}

LinearImpl::LinearImpl(int64_t in, int64_t out) {
    weight = register_parameter("weight", at::zeros({out, in}));
    bias = register_parameter("bias", at::zeros({out}));
}

at::Tensor LinearImpl::forward(const at::Tensor& x) {
    return linear(x, weight, bias);
}

}  // namespace mtrec::model
