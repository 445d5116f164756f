#include "experiment/dense_scorer.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
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

at::Tensor view(EmbeddingMatrix& matrix) {
    return at::from_blob(
        matrix.values.data(),
        {static_cast<int64_t>(matrix.rows), static_cast<int64_t>(matrix.dimension)}, at::kFloat);
}

}  // namespace

struct DenseScorer::Impl {
    std::string runId;
    std::vector<LanguageEmbeddings> embeddings;            // owns the values the tensors view
    std::map<std::vector<std::size_t>, at::Tensor> pools;  // candidates of a pool, stacked

    const at::Tensor& pool(const std::vector<std::size_t>& languages) {
        at::Tensor& stacked = pools[languages];
        if (!stacked.defined()) {
            std::vector<at::Tensor> parts;
            for (std::size_t language : languages)
                parts.push_back(view(embeddings.at(language).candidates));
            stacked = at::cat(parts, 0).contiguous();
            if (at::hasMKLDNN()) stacked = stacked.to_mkldnn();
        }
        return stacked;
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
    // Pool column -> (language, candidate): the pool is the languages' candidates concatenated.
    std::vector<std::size_t> ends;
    std::size_t total = 0;
    for (std::size_t language : block.poolLanguages)
        ends.push_back(total += impl_->embeddings.at(language).candidates.rows);
    const auto vectorAt = [&](std::size_t i) -> const float* {
        const std::size_t column = columns[i];
        const auto part = std::upper_bound(ends.begin(), ends.end(), column) - ends.begin();
        if (static_cast<std::size_t>(part) == ends.size())
            throw std::out_of_range("DenseScorer::scoreColumns: column outside the pool");
        const std::size_t first = part == 0 ? 0 : ends[part - 1];
        const EmbeddingMatrix& candidates = impl_->embeddings[block.poolLanguages[part]].candidates;
        return candidates.values.data() + (column - first) * candidates.dimension;
    };
    eval::PackedColumns packed;
    packed.pack(count, queries.dimension, vectorAt);
    eval::innerProducts(queries.values.data() + block.firstQuery * queries.dimension,
                        block.endQuery - block.firstQuery, packed, out, count,
                        std::max(block.threads, 1));
}

void DenseScorer::score(const eval::ScoreBlock& block, float* out) {
    checkedQueries(block);  // throws std::out_of_range for rows outside the language
    const int threads = std::max(block.threads, 1);
    if (at::get_num_threads() != threads) at::set_num_threads(threads);
    const auto rows = static_cast<int64_t>(block.endQuery - block.firstQuery);
    const at::Tensor& pool = impl_->pool(block.poolLanguages);
    const at::Tensor rowBlock = view(impl_->embeddings[block.queryLanguage].queries)
                                    .narrow(0, static_cast<int64_t>(block.firstQuery), rows);
    at::Tensor result = at::from_blob(out, {rows, pool.size(0)}, at::kFloat);
    if (rows == 0 || pool.size(0) == 0) return;
    if (pool.is_mkldnn())
        result.copy_(at::mkldnn_linear(rowBlock.contiguous().to_mkldnn(), pool, {}).to_dense());
    else
        at::mm_out(result, rowBlock, pool.t());
}

}  // namespace mtrec::experiment
