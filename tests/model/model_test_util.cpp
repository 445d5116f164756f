#include "model_test_util.h"

#include <algorithm>
#include <stdexcept>

#include <ATen/Functions.h>

namespace mtrec::model::test {

double maxAbsDiff(const at::Tensor& a, const at::Tensor& b) {
    if (a.sizes() != b.sizes()) throw std::invalid_argument("maxAbsDiff: shapes differ");
    return a.to(at::kDouble).sub(b.to(at::kDouble)).abs().max().item<double>();
}

EncoderConfig tinyConfig() {
    EncoderConfig config = EncoderConfig::fromScratch(50, 0);
    config.hiddenSize = 32;
    config.layers = 2;
    config.heads = 4;
    config.intermediateSize = 64;
    config.maxPositions = 24;
    config.dropout = 0.0;
    config.attentionDropout = 0.0;
    return config;
}

std::pair<at::Tensor, at::Tensor> padRows(const std::vector<std::vector<int64_t>>& rows,
                                          int64_t padId, int64_t width) {
    for (const auto& row : rows) width = std::max<int64_t>(width, static_cast<int64_t>(row.size()));
    const auto count = static_cast<int64_t>(rows.size());
    at::Tensor ids = at::full({count, width}, padId, at::kLong);
    at::Tensor mask = at::zeros({count, width}, at::kLong);
    for (int64_t r = 0; r < count; ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            ids[r][c] = rows[r][c];
            mask[r][c] = 1;
        }
    return {ids, mask};
}

}  // namespace mtrec::model::test
