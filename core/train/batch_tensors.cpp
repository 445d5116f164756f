#include "train/batch_tensors.h"

#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "text/batch_encoder.h"
#include "train/batch_hard_negatives.h"

namespace mtrec::train {

namespace {

BatchTensors tokenise(const Batch& batch, std::vector<std::string> negatives,
                      const text::BatchEncoder& encoder) {
    if (batch.pairs.empty()) throw std::logic_error("tokeniseBatch: the batch holds no pair");
    std::vector<std::string> queries;
    std::vector<std::string> passages;
    queries.reserve(batch.pairs.size());
    passages.reserve(batch.pairs.size() + negatives.size());
    for (const data::TrainingPair* pair : batch.pairs) {
        queries.push_back(pair->query);
        passages.push_back(pair->passage);
    }
    for (std::string& negative : negatives) passages.push_back(std::move(negative));
    BatchTensors tensors;
    tensors.queries = text::toTensors(encoder.encode(queries, text::TextRole::Query));
    tensors.passages = text::toTensors(encoder.encode(passages, text::TextRole::Passage));
    tensors.pairs = static_cast<std::int64_t>(batch.pairs.size());
    tensors.hardNegatives = static_cast<std::int64_t>(negatives.size());
    return tensors;
}

}  // namespace

BatchTensors tokeniseBatch(const Batch& batch, const text::BatchEncoder& encoder,
                           bool withHardNegatives) {
    return tokenise(batch, withHardNegatives ? batchHardNegatives(batch) : std::vector<std::string>{},
                    encoder);
}

BatchTensors tokeniseShard(const Batch& batch, const text::BatchEncoder& encoder,
                           bool withHardNegatives, int rank, int ranks) {
    const std::vector<std::string> negatives =
        withHardNegatives ? batchHardNegatives(batch) : std::vector<std::string>{};
    BatchShards shards = BatchShards::divide(static_cast<std::int64_t>(batch.pairs.size()),
                                             static_cast<std::int64_t>(negatives.size()), ranks);
    BatchShard shard = shardOf(batch, negatives, shards, rank);
    BatchTensors tensors = tokenise(shard.batch, std::move(shard.hardNegatives), encoder);
    tensors.shards = std::move(shards);
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
