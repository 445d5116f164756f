#include "train/validation_batches.h"

#include <stdexcept>

namespace mtrec::train {

std::vector<Batch> validationBatches(const data::PairPool& pool, std::size_t batchSize) {
    if (batchSize < 2) throw std::invalid_argument("validationBatches: batch size must be >= 2");
    std::vector<Batch> batches;
    for (const data::LanguagePair& languages : pool.languagePairs()) {
        const std::vector<data::TrainingPair>& pairs = pool.pairs(languages);
        const std::size_t chunks = (pairs.size() + batchSize - 1) / batchSize;
        const BatchKind kind{languages.monolingual() ? "mono" : "cross", "", languages.query,
                             languages.passage, 1.0};
        for (std::size_t c = 0; c < chunks; ++c) {
            Batch batch{{}, kind};
            // Chunk c covers [c·n/chunks, (c+1)·n/chunks): sizes differ by at most one.
            for (std::size_t i = c * pairs.size() / chunks; i < (c + 1) * pairs.size() / chunks;
                 ++i)
                batch.pairs.push_back(&pairs[i]);
            batches.push_back(std::move(batch));
        }
    }
    return batches;
}

}  // namespace mtrec::train
