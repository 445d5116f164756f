#include "experiment/encoder_scorer.h"

#include <chrono>
#include <vector>

#include <ATen/ATen.h>

#include "model/text_embedder.h"
#include "text/batch_encoder.h"

namespace mtrec::experiment {
namespace {

experiment::EmbeddingMatrix toMatrix(const at::Tensor& embeddings) {
    const at::Tensor rows = embeddings.to(at::kFloat).contiguous();
    experiment::EmbeddingMatrix matrix;
    matrix.rows = static_cast<std::size_t>(rows.size(0));
    matrix.dimension = static_cast<std::size_t>(rows.size(1));
    const float* begin = rows.data_ptr<float>();
    matrix.values.assign(begin, begin + rows.numel());
    return matrix;
}

template <typename Item>
std::vector<std::string> textsOf(const std::vector<Item>& items) {
    std::vector<std::string> texts;
    texts.reserve(items.size());
    for (const Item& item : items) texts.push_back(item.text);
    return texts;
}

}  // namespace

Result<std::unique_ptr<experiment::DenseScorer>> makeEncoderScorer(
    const data::RetrievalSuite& suite, model::EncoderImpl& encoder,
    const text::BatchEncoder& batchEncoder, const EncoderScorerOptions& options,
    std::string runId) {
    std::size_t total = 0;
    for (const data::LanguageData& language : suite.languages)
        total += language.queries.size() + language.candidates.size();
    model::EmbeddingOptions embedding;
    embedding.batchSize = options.batchSize;
    embedding.cancel = options.cancel;
    std::vector<experiment::LanguageEmbeddings> embeddings;
    Progress progress;
    progress.phase = Phase::Embedding;
    progress.suite = suite.name;
    progress.total = total;
    // A report after every batch, with an ETA at the pace so far: one corpus of a million
    // passages is a single call that takes minutes.
    const auto start = std::chrono::steady_clock::now();
    std::size_t doneBefore = 0;
    embedding.onBatch = [&](std::size_t embedded) {
        progress.done = doneBefore + embedded;
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        progress.etaSeconds = seconds / static_cast<double>(progress.done) *
                              static_cast<double>(total - progress.done);
        notify(options.progress, progress);
    };
    bool cancelled = false;
    const model::MatmulPrecisionScope precision(options.precision);
    const auto embed = [&](const std::vector<std::string>& texts, text::TextRole role) {
        experiment::EmbeddingMatrix matrix;
        matrix.dimension = static_cast<std::size_t>(encoder.config().hiddenSize);
        if (cancelled) return matrix;
        if (!texts.empty()) {
            const at::Tensor rows =
                model::embedTexts(encoder, batchEncoder, texts, role, embedding);
            cancelled = !rows.defined();
            if (cancelled) return matrix;
            matrix = toMatrix(rows);
        }
        doneBefore += texts.size();
        if (texts.empty()) {  // no batch reported it
            progress.done = doneBefore;
            notify(options.progress, progress);
        }
        return matrix;
    };
    for (const data::LanguageData& language : suite.languages) {
        experiment::LanguageEmbeddings languageEmbeddings;
        languageEmbeddings.queries = embed(textsOf(language.queries), text::TextRole::Query);
        languageEmbeddings.candidates =
            embed(textsOf(language.candidates), text::TextRole::Passage);
        embeddings.push_back(std::move(languageEmbeddings));
    }
    if (cancelled) return Error{"cancelled"};
    Result<std::unique_ptr<experiment::DenseScorer>> scorer =
        experiment::DenseScorer::create(suite, std::move(embeddings), std::move(runId));
    if (!scorer) return Error{suite.name + ": " + scorer.error().message};
    return scorer;
}

}  // namespace mtrec::experiment
