#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "data/retrieval_suite.h"
#include "experiment/dense_scorer.h"
#include "model/matmul_precision.h"

namespace mtrec::model {
class EncoderImpl;
}
namespace mtrec::text {
class BatchEncoder;
}

namespace mtrec::experiment {

struct EncoderScorerOptions {
    std::size_t batchSize = 64;  ///< texts per forward pass
    /// Phase::Embedding reports (suite, texts embedded so far, texts of the suite in all) after
    /// each language's queries and after its candidates, on the calling thread.
    ProgressSink progress;
    /// Read before each batch of texts; once cancelled, makeEncoderScorer returns Error
    /// "cancelled".
    CancelToken cancel;
    /// The Linear layers' GEMMs while embedding (a training run's $.precision; `mtrec eval
    /// --precision`), set on the calling thread for the embedding only.
    model::MatmulPrecision precision = model::MatmulPrecision::Fp32;
};

/// Dense retrieval with a dual encoder: embeds every query of `suite` (Query prefix) and every
/// candidate (Passage prefix) with `encoder`, in eval mode without gradients (model::embedTexts,
/// L2-normalised, so scores are cosines), and builds a DenseScorer named `runId` over them. Works
/// the same for a trained encoder and for an untrained one (createEncoder with a seed: the
/// "untrained encoder" baseline of DESIGN §3). Uses ATen's current thread count; the encoder's
/// training flag is restored. Borrows everything; the scorer keeps only the embeddings.
Result<std::unique_ptr<experiment::DenseScorer>> makeEncoderScorer(
    const data::RetrievalSuite& suite, model::EncoderImpl& encoder,
    const text::BatchEncoder& batchEncoder, const EncoderScorerOptions& options,
    std::string runId = "encoder");

}  // namespace mtrec::experiment
