#include "experiment/dense_scorer.h"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

#include "eval/inner_products.h"

namespace mtrec::experiment {

namespace {

std::string checkMatrix(const EmbeddingMatrix& matrix, std::size_t rows, std::size_t dimension,
                        const std::string& what) {
    if (matrix.rows != rows)
        return what + " has " + std::to_string(matrix.rows) + " rows, the suite " +
               std::to_string(rows);
    if (matrix.dimension != dimension)
        return what + " has dimension " + std::to_string(matrix.dimension) + ", expected " +
               std::to_string(dimension);
    if (matrix.values.size() != rows * dimension) return what + " holds the wrong number of values";
    return {};
}

}  // namespace

struct DenseScorer::Impl {
    std::string runId;
    std::vector<LanguageEmbeddings> embeddings;
    // Whole pools packed once for score() (the pools small enough for a full score matrix).
    std::map<std::vector<std::size_t>, eval::PackedColumns> packedPools;

    // The candidate vector of pool column `column` (the pool is the languages' candidates
    // concatenated); `ends` holds each language's end column.
    const float* candidate(const std::vector<std::size_t>& languages,
                           const std::vector<std::size_t>& ends, std::size_t column) const {
        const auto part = std::upper_bound(ends.begin(), ends.end(), column) - ends.begin();
        if (static_cast<std::size_t>(part) == ends.size())
            throw std::out_of_range("DenseScorer: column outside the pool");
        const std::size_t first = part == 0 ? 0 : ends[part - 1];
        const EmbeddingMatrix& candidates = embeddings[languages[part]].candidates;
        return candidates.values.data() + (column - first) * candidates.dimension;
    }

    // Packs the given pool columns for eval::innerProducts.
    eval::PackedColumns pack(const std::vector<std::size_t>& languages, std::size_t dimension,
                             const std::function<std::size_t(std::size_t)>& columnAt,
                             std::size_t count) const {
        std::vector<std::size_t> ends;
        std::size_t total = 0;
        for (std::size_t language : languages)
            ends.push_back(total += embeddings.at(language).candidates.rows);
        eval::PackedColumns packed;
        packed.pack(count, dimension,
                    [&](std::size_t i) { return candidate(languages, ends, columnAt(i)); });
        return packed;
    }
};

DenseScorer::DenseScorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DenseScorer::~DenseScorer() = default;
std::string DenseScorer::name() const {
    return impl_->runId;
}

Result<std::unique_ptr<DenseScorer>> DenseScorer::create(const data::RetrievalSuite& suite,
                                                         std::vector<LanguageEmbeddings> embeddings,
                                                         std::string runId) {
    if (embeddings.size() != suite.languages.size())
        return Error{suite.name + ": embeddings for " + std::to_string(embeddings.size()) +
                     " languages, the suite has " + std::to_string(suite.languages.size())};
    const std::size_t dimension = embeddings.empty() ? 0 : embeddings[0].queries.dimension;
    if (dimension == 0 && !embeddings.empty())
        return Error{suite.name + ": embeddings of dimension 0"};
    for (std::size_t l = 0; l < embeddings.size(); ++l) {
        const data::LanguageData& language = suite.languages[l];
        for (const std::string& problem :
             {checkMatrix(embeddings[l].queries, language.queries.size(), dimension,
                          "query embeddings"),
              checkMatrix(embeddings[l].candidates, language.candidates.size(), dimension,
                          "candidate embeddings")})
            if (!problem.empty()) return Error{suite.name + " (" + language.code + "): " + problem};
    }
    auto impl = std::make_unique<Impl>();
    impl->runId = std::move(runId);
    impl->embeddings = std::move(embeddings);
    return std::unique_ptr<DenseScorer>(new DenseScorer(std::move(impl)));
}

const EmbeddingMatrix& DenseScorer::checkedQueries(const eval::ScoreBlock& block) const {
    const EmbeddingMatrix& queries = impl_->embeddings.at(block.queryLanguage).queries;
    if (block.firstQuery > block.endQuery || block.endQuery > queries.rows)
        throw std::out_of_range("DenseScorer: query rows outside the language");
    return queries;
}

void DenseScorer::scoreColumns(const eval::ScoreBlock& block, const std::uint32_t* columns,
                               std::size_t count, float* out) {
    const EmbeddingMatrix& queries = checkedQueries(block);
    const eval::PackedColumns packed = impl_->pack(
        block.poolLanguages, queries.dimension, [columns](std::size_t i) { return columns[i]; },
        count);
    eval::innerProducts(queries.values.data() + block.firstQuery * queries.dimension,
                        block.endQuery - block.firstQuery, packed, out, count,
                        std::max(block.threads, 1));
}

void DenseScorer::score(const eval::ScoreBlock& block, float* out) {
    const EmbeddingMatrix& queries = checkedQueries(block);
    auto found = impl_->packedPools.find(block.poolLanguages);
    if (found == impl_->packedPools.end()) {
        std::size_t size = 0;
        for (std::size_t language : block.poolLanguages)
            size += impl_->embeddings.at(language).candidates.rows;
        found = impl_->packedPools
                    .emplace(block.poolLanguages, impl_->pack(
                                                      block.poolLanguages, queries.dimension,
                                                      [](std::size_t i) { return i; }, size))
                    .first;
    }
    eval::innerProducts(queries.values.data() + block.firstQuery * queries.dimension,
                        block.endQuery - block.firstQuery, found->second, out,
                        found->second.count(), std::max(block.threads, 1));
}

}  // namespace mtrec::experiment
