#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>

#include "model/encoder_config.h"

namespace mtrec::model::test {

/// max |a − b| over all elements (shapes must match; throws otherwise).
double maxAbsDiff(const at::Tensor& a, const at::Tensor& b);

/// A small from-scratch config: vocab 50, hidden 32, 2 layers, 4 heads, intermediate 64,
/// 24 positions, pad id 0, dropout 0.
EncoderConfig tinyConfig();

/// ids/mask [rows.size(), longest] padded with `padId` after each row.
std::pair<at::Tensor, at::Tensor> padRows(const std::vector<std::vector<int64_t>>& rows,
                                          int64_t padId, int64_t width = 0);

}  // namespace mtrec::model::test
