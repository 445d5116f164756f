#include "text/tensor_batch.h"

#include <algorithm>
#include <stdexcept>

#include <ATen/Functions.h>

namespace mtrec::text {

namespace {

at::Tensor toTensor(const std::vector<int64_t>& values, std::size_t rows, std::size_t cols) {
    if (values.size() != rows * cols)
        throw std::logic_error("EncodedBatch holds " + std::to_string(values.size()) +
                               " values, not rows × cols = " + std::to_string(rows * cols));
    at::Tensor tensor = at::empty({static_cast<int64_t>(rows), static_cast<int64_t>(cols)},
                                  at::TensorOptions().dtype(at::kLong));
    std::copy(values.begin(), values.end(), tensor.data_ptr<int64_t>());
    return tensor;
}

}  // namespace

TensorBatch toTensors(const EncodedBatch& batch) {
    return {toTensor(batch.ids, batch.rows, batch.cols),
            toTensor(batch.mask, batch.rows, batch.cols)};
}

}  // namespace mtrec::text
