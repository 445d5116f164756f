#include "model/linear.h"

#include <stdexcept>
#include <vector>

#include <ATen/Functions.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/gemm.h"

namespace mtrec::model {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// Rows of x as a [rows, in] matrix whose rows are contiguous (a copy only if they are not).
at::Tensor asRows(const at::Tensor& x, int64_t in) {
    at::Tensor rows = x.reshape({-1, in});
    return rows.stride(1) == 1 ? rows : rows.contiguous();
}

at::Tensor linearForward(const at::Tensor& rows, const at::Tensor& weight, const at::Tensor& bias) {
    const int64_t n = rows.size(0), in = rows.size(1), out = weight.size(0);
    // A fresh buffer even for n == 1, where bias.expand(...).contiguous() would alias the bias.
    at::Tensor y = at::empty({n, out}, rows.options());
    if (bias.defined()) y.copy_(bias.expand({n, out}));
    const at::Tensor w = weight.contiguous();
    sgemm(false, true, n, out, in, 1.0f, rows.data_ptr<float>(), rows.stride(0),
          w.data_ptr<float>(), in, bias.defined() ? 1.0f : 0.0f, y.data_ptr<float>(), out);
    return y;
}

struct LinearFunction : public torch::autograd::Function<LinearFunction> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& rows,
                              const at::Tensor& weight, const at::Tensor& bias) {
        ctx->save_for_backward({rows, weight});
        ctx->saved_data["has_bias"] = bias.defined();
        return linearForward(rows, weight, bias);
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const at::Tensor& rows = saved[0];
        const at::Tensor weight = saved[1].contiguous();
        const at::Tensor grad = grads[0].contiguous();
        const int64_t n = rows.size(0), in = rows.size(1), out = weight.size(0);
        at::Tensor gradRows, gradWeight, gradBias;
        if (ctx->needs_input_grad(0)) {  // [n, in] = grad [n, out] · weight [out, in]
            gradRows = at::empty({n, in}, rows.options());
            sgemm(false, false, n, in, out, 1.0f, grad.data_ptr<float>(), out,
                  weight.data_ptr<float>(), in, 0.0f, gradRows.data_ptr<float>(), in);
        }
        if (ctx->needs_input_grad(1)) {  // [out, in] = gradᵀ [out, n] · rows [n, in]
            gradWeight = at::empty({out, in}, weight.options());
            sgemm(true, false, out, in, n, 1.0f, grad.data_ptr<float>(), out,
                  rows.data_ptr<float>(), rows.stride(0), 0.0f, gradWeight.data_ptr<float>(), in);
        }
        if (ctx->saved_data["has_bias"].toBool() && ctx->needs_input_grad(2))
            gradBias = grad.sum(0);
        return {gradRows, gradWeight, gradBias};
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
    const at::Tensor rows = asRows(x, in);
    const bool grad =
        at::GradMode::is_enabled() && (rows.requires_grad() || weight.requires_grad() ||
                                       (bias.defined() && bias.requires_grad()));
    at::Tensor y =
        grad ? LinearFunction::apply(rows, weight, bias) : linearForward(rows, weight, bias);
    return y.view(shape);
}

LinearImpl::LinearImpl(int64_t in, int64_t out) {
    weight = register_parameter("weight", at::zeros({out, in}));
    bias = register_parameter("bias", at::zeros({out}));
}

at::Tensor LinearImpl::forward(const at::Tensor& x) {
    return linear(x, weight, bias);
}

}  // namespace mtrec::model
