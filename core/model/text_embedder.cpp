#include "model/text_embedder.h"

#include <algorithm>
#include <numeric>

#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

namespace mtrec::model {

namespace {

/// Restores the encoder's training flag when it goes out of scope.
class EvalModeGuard {
public:
    explicit EvalModeGuard(EncoderImpl& encoder)
        : encoder_(encoder), wasTraining_(encoder.is_training()) {
        encoder_.eval();
    }
    ~EvalModeGuard() { encoder_.train(wasTraining_); }
    EvalModeGuard(const EvalModeGuard&) = delete;
    EvalModeGuard& operator=(const EvalModeGuard&) = delete;

private:
    EncoderImpl& encoder_;
    bool wasTraining_;
};

/// Pads rows[order[begin..end)] into ids/mask tensors [end-begin, longest].
std::pair<at::Tensor, at::Tensor> padBatch(const std::vector<std::vector<int64_t>>& rows,
                                           const std::vector<int64_t>& order, std::size_t begin,
                                           std::size_t end, int64_t padId) {
    std::size_t longest = 1;
    for (std::size_t i = begin; i < end; ++i) longest = std::max(longest, rows[order[i]].size());
    const auto count = static_cast<int64_t>(end - begin), cols = static_cast<int64_t>(longest);
    at::Tensor ids = at::full({count, cols}, padId, at::kLong);
    at::Tensor mask = at::zeros({count, cols}, at::kLong);
    int64_t* idData = ids.data_ptr<int64_t>();
    int64_t* maskData = mask.data_ptr<int64_t>();
    for (std::size_t i = begin; i < end; ++i) {
        const std::vector<int64_t>& row = rows[order[i]];
        const std::size_t offset = (i - begin) * longest;
        std::copy(row.begin(), row.end(), idData + offset);
        std::fill(maskData + offset, maskData + offset + row.size(), 1);
    }
    return {ids, mask};
}

}  // namespace

at::Tensor embedIds(EncoderImpl& encoder, const std::vector<std::vector<int64_t>>& rows,
                    const EmbeddingOptions& options) {
    const auto n = static_cast<int64_t>(rows.size());
    at::Tensor result = at::zeros({n, encoder.config().hiddenSize}, at::kFloat);
    std::vector<int64_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int64_t a, int64_t b) { return rows[a].size() < rows[b].size(); });
    const std::size_t batchSize = std::max<std::size_t>(1, options.batchSize);

    EvalModeGuard evalMode(encoder);
    c10::InferenceMode inference;
    for (std::size_t begin = 0; begin < rows.size(); begin += batchSize) {
        if (options.cancel.cancelled()) return at::Tensor();
        const std::size_t end = std::min(rows.size(), begin + batchSize);
        const auto [ids, mask] = padBatch(rows, order, begin, end, encoder.config().padId);
        at::Tensor pooled = encoder.forward(ids, mask);
        pooled.div_(pooled.norm(2, {1}, /*keepdim=*/true).clamp_min_(1e-12));
        const at::Tensor index =
            at::tensor(std::vector<int64_t>(order.begin() + begin, order.begin() + end), at::kLong);
        result.index_copy_(0, index, pooled);
        if (options.onBatch) options.onBatch(end);
    }
    return result;
}

at::Tensor embedTexts(EncoderImpl& encoder, const text::BatchEncoder& batchEncoder,
                      const std::vector<std::string>& texts, text::TextRole role,
                      const EmbeddingOptions& options) {
    std::vector<std::vector<int64_t>> rows(texts.size());
    at::parallel_for(0, static_cast<int64_t>(texts.size()), 64, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) rows[i] = batchEncoder.encodeOne(texts[i], role);
    });
    return embedIds(encoder, rows, options);
}

}  // namespace mtrec::model
