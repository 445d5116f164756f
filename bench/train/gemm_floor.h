#pragma once

#include <cstdint>

namespace mtrec::bench {

/// The encoder shape whose Linear GEMMs gemmFloor() times.
struct LinearShapes {
    int64_t rows = 0;    ///< tokens per encoder pass (sequences × tokens per sequence)
    int64_t hidden = 0;
    int64_t ffn = 0;
    int64_t layers = 0;
    int64_t passes = 0;  ///< encoder passes per step (queries and passages: 2)
};

/// Seconds of the three kinds of Linear GEMM in one training step, and their sum.
struct GemmFloor {
    double forward = 0.0;         ///< y = x·Wᵀ
    double inputGradient = 0.0;   ///< dx = dy·W
    double weightGradient = 0.0;  ///< dW = dyᵀ·x
    double total() const { return forward + inputGradient + weightGradient; }
};

/// The Linear layers' GEMMs of one training step timed on their own: for each Linear of a
/// layer (qkv h→3h, output h→h, intermediate h→f, output f→h) the forward, input-gradient and
/// weight-gradient products at the step's shapes and layouts, best of `repeats` each, times
/// layers × passes. Operands are prepared beforehand (in bfloat16 when `bf16`), so the figure
/// leaves out every cast, bias, activation and optimizer: no step that runs these products
/// through the same library can be faster. Uses the calling thread's thread count.
GemmFloor gemmFloor(const LinearShapes& shapes, bool bf16, int repeats);

}  // namespace mtrec::bench
