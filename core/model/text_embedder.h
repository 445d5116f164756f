#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "common/cancel_token.h"
#include "model/encoder.h"
#include "text/batch_encoder.h"

namespace mtrec::model {

struct EmbeddingOptions {
    /// Rows per forward pass. Rows are sorted by token count first, so each batch pads little.
    std::size_t batchSize = 64;
    /// Read before each batch; once cancelled, embedding stops and returns an undefined tensor.
    CancelToken cancel;
    /// Called after each batch with the rows embedded so far in this call (for progress).
    std::function<void(std::size_t embedded)> onBatch;
};

/// Embeds token-id rows (no padding; each non-empty) with `encoder` in eval mode under
/// c10::InferenceMode, batching rows of similar length; restores the encoder's training flag.
/// Returns L2-normalised float32 [rows.size(), hidden], row i for rows[i] (undefined when
/// options.cancel was cancelled). Uses ATen's current thread count. Not for concurrent use with
/// training of the same encoder.
at::Tensor embedIds(EncoderImpl& encoder, const std::vector<std::vector<int64_t>>& rows,
                    const EmbeddingOptions& options = {});

/// Tokenises `texts` with `batchEncoder` (prefix chosen by `role`) and embeds them with embedIds.
at::Tensor embedTexts(EncoderImpl& encoder, const text::BatchEncoder& batchEncoder,
                      const std::vector<std::string>& texts, text::TextRole role,
                      const EmbeddingOptions& options = {});

}  // namespace mtrec::model
