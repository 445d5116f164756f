#pragma once

#include <ATen/core/Tensor.h>

#include "text/batch_encoder.h"

namespace mtrec::text {

/// An EncodedBatch as tensors: `ids` and `mask` are int64 CPU tensors of shape [rows, cols], owning
/// their memory (they do not alias the batch's vectors). Kept apart from batch_encoder.h so that
/// only code that feeds a model pays for the ATen headers.
struct TensorBatch {
    at::Tensor ids;
    at::Tensor mask;
};

TensorBatch toTensors(const EncodedBatch& batch);

}  // namespace mtrec::text
