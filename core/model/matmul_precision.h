#pragma once

namespace mtrec::model {

/// The number format of the Linear layers' GEMM inputs. Fp32: everything in float32. Bf16: the
/// input rows, the weight and the incoming gradient are rounded to bfloat16 (8-bit mantissa) for
/// the three GEMMs of a Linear, which accumulate and return float32; master weights, the optimizer,
/// LayerNorm, softmax, attention and the loss stay float32 (mixed precision, like
/// torch.autocast's bfloat16 for its matmuls).
enum class MatmulPrecision { Fp32, Bf16 };

/// "fp32" or "bf16": the training config's and the CLI's key (experiment::precisionChoices()).
const char* matmulPrecisionText(MatmulPrecision precision);

/// The precision the Linear layers' forward uses on the calling thread (Fp32 unless a
/// MatmulPrecisionScope is alive on it). A Linear's backward uses the precision its forward ran
/// with, whatever is in force when the backward runs.
MatmulPrecision currentMatmulPrecision();

/// Sets the calling thread's matmul precision while alive and restores the previous one after
/// (scopes nest). Like at::autocast's guard, it is thread-local: forwards on other threads (a data
/// loader, a GUI) are unaffected.
class MatmulPrecisionScope {
public:
    explicit MatmulPrecisionScope(MatmulPrecision precision);
    ~MatmulPrecisionScope();
    MatmulPrecisionScope(const MatmulPrecisionScope&) = delete;
    MatmulPrecisionScope& operator=(const MatmulPrecisionScope&) = delete;

private:
    MatmulPrecision previous_;
};

/// True when this CPU runs bfloat16 GEMMs natively (AVX512-BF16 or AMX-BF16 in /proc/cpuinfo's
/// flags, read once per process). Elsewhere oneDNN emulates them, slower than float32.
bool cpuHasNativeBf16();

}  // namespace mtrec::model
