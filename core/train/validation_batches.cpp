#include "train/validation_batches.h"

#include <algorithm>
#include <stdexcept>

namespace mtrec::train {

std::vector<Batch> validationBatches(const data::PairPool& pool, std::size_t batchSize) {
    if (batchSize < 2) throw std::invalid_argument("validationBatches: batch size must be >= 2");
    std::vector<Batch> batches;
    for (const data::LanguagePair& languages : pool.languagePairs()) {
        const std::vector<data::TrainingPair>& pairs = pool.pairs(languages);
        const std::size_t n = pairs.size();
        const std::size_t size = std::min(batchSize, n);
        const BatchKind kind{languages.monolingual() ? "mono" : "cross", "", languages.query,
                             languages.passage, 1.0};
        for (std::size_t start = 0; start < n; start += size) {
            Batch batch{{}, kind};
            for (std::size_t i = 0; i < size; ++i) batch.pairs.push_back(&pairs[(start + i) % n]);
            batches.push_back(std::move(batch));
        }
    }
    return batches;
}

}  // namespace mtrec::train
