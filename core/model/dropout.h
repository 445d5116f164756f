#pragma once

#include <cstdint>

#include <ATen/core/Tensor.h>

namespace mtrec::model {

/// Dropout with a cheap random source. ATen's CPU dropout draws every element through mt19937
/// and a double-precision Bernoulli (about 28 ns an element here, a fifth of a naive training
/// step); this one draws a single 64-bit seed from ATen's default CPU generator (so
/// torch::manual_seed and get/set_rng_state still make it reproducible) and hashes (seed, index of
/// a group of four elements) with SplitMix64, one 16-bit uniform per element: about 0.35 ns an
/// element on one AVX-512 core, the mask made and applied in one pass, identical for any thread
/// count. The drop probability is p rounded to a multiple of 2^-16 (0.1 → 0.100006), and the kept
/// scale is exact for that rounded value.

/// A float32 tensor shaped like `like` holding 0 (dropped, probability p) or 1/(1-p) (kept).
/// Requires 0 < p < 1. Advances the default generator by one 64-bit draw.
at::Tensor dropoutMask(const at::Tensor& like, double p);

/// Fills `mask` (float32, contiguous) as dropoutMask would for `seed`.
void fillDropoutMask(at::Tensor& mask, double p, uint64_t seed);

/// A new tensor x · (the mask fillDropoutMask would write for `seed`), without making the mask;
/// x float32. Not differentiable: for kernels that keep the seed for their own backward.
at::Tensor applyDropoutMask(const at::Tensor& x, double p, uint64_t seed);

/// The in-place form of applyDropoutMask; x float32 and contiguous.
void applyDropoutMaskInPlace(at::Tensor& x, double p, uint64_t seed);

/// Inverted dropout: x · dropoutMask(x, p) when training and p > 0, else x itself (no copy, no
/// random draw). Differentiable in x; the backward recomputes the same mask from its seed instead
/// of keeping it.
at::Tensor dropout(const at::Tensor& x, double p, bool training);

/// The in-place form: multiplies `x` by the mask and returns it. Only for a tensor whose value no
/// backward function saved (autograd throws if one did): the output of a Linear or LayerNorm.
at::Tensor& dropoutInPlace(at::Tensor& x, double p, bool training);

/// One 64-bit draw from ATen's default CPU generator (under its mutex).
uint64_t drawSeed();

}  // namespace mtrec::model
