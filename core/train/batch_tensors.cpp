#include "train/batch_tensors.h"

#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "text/batch_encoder.h"
#include "train/batch_hard_negatives.h"

namespace mtrec::train {

BatchTensors tokeniseBatch(const Batch& batch, const text::BatchEncoder& encoder,
                           bool withHardNegatives) {
    if (batch.pairs.empty()) throw std::logic_error("tokeniseBatch: the batch holds no pair");
    std::vector<std::string> queries;
    std::vector<std::string> passages;
    queries.reserve(batch.pairs.size());
    passages.reserve(batch.pairs.size() * (withHardNegatives ? 2 : 1));
    for (const data::TrainingPair* pair : batch.pairs) {
        queries.push_back(pair->query);
        passages.push_back(pair->passage);
    }
    std::int64_t negatives = 0;
    if (withHardNegatives) {
        for (std::string& negative : batchHardNegatives(batch)) {
            passages.push_back(std::move(negative));
            ++negatives;
        }
    }
    BatchTensors tensors;
    tensors.queries = text::toTensors(encoder.encode(queries, text::TextRole::Query));
    tensors.passages = text::toTensors(encoder.encode(passages, text::TextRole::Passage));
    tensors.pairs = static_cast<std::int64_t>(batch.pairs.size());
    tensors.hardNegatives = negatives;
    return tensors;
}

std::vector<LanguagePairCount> countLanguagePairs(const Batch& batch) {
    std::map<std::pair<std::string, std::string>, std::int64_t> counts;
    for (const data::TrainingPair* pair : batch.pairs)
        ++counts[{pair->queryLang, pair->passageLang}];
    std::vector<LanguagePairCount> result;
    result.reserve(counts.size());
    for (const auto& [languages, count] : counts)
        result.push_back({languages.first, languages.second, count});
    return result;
}

}  // namespace mtrec::train
