#include "text/tensor_batch.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

namespace mtrec::text {
namespace {

TEST(TensorBatch, ConvertsIdsAndMaskToInt64Tensors) {
    EncodedBatch batch;
    batch.rows = 2;
    batch.cols = 3;
    batch.ids = {5, 6, 7, 8, 9, 0};
    batch.mask = {1, 1, 1, 1, 1, 0};
    const TensorBatch tensors = toTensors(batch);
    EXPECT_EQ(tensors.ids.sizes(), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(tensors.mask.sizes(), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(tensors.ids.scalar_type(), at::kLong);
    EXPECT_EQ(tensors.mask.scalar_type(), at::kLong);
    EXPECT_EQ(tensors.ids[1][1].item<int64_t>(), 9);
    EXPECT_EQ(tensors.ids.sum().item<int64_t>(), 35);
    EXPECT_EQ(tensors.mask.sum(1)[1].item<int64_t>(), 2);
    // The tensors own their memory: changing the batch afterwards does not change them.
    batch.ids[0] = 100;
    EXPECT_EQ(tensors.ids[0][0].item<int64_t>(), 5);
}

TEST(TensorBatch, EmptyBatchAndInconsistentSizes) {
    const TensorBatch empty = toTensors(EncodedBatch{});
    EXPECT_EQ(empty.ids.sizes(), (std::vector<int64_t>{0, 0}));
    EncodedBatch broken;
    broken.rows = 2;
    broken.cols = 2;
    broken.ids = {1, 2, 3};
    broken.mask = {1, 1, 1, 1};
    EXPECT_THROW(toTensors(broken), std::logic_error);
}

}  // namespace
}  // namespace mtrec::text
