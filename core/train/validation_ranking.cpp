#include "train/validation_ranking.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <torch/torch.h>

#include "model/text_embedder.h"

namespace mtrec::train {

std::size_t ValidationRanking::TextRows::rowOf(const std::string& text) {
    const auto [found, added] = rows.emplace(text, texts.size());
    if (added) texts.push_back(text);
    return found->second;
}

ValidationRanking::ValidationRanking(const data::PairPool& pool) {
    // Which candidates each group has in each language, over every pool (mono pools included: a
    // group's passage in Y is relevant to its query in X whichever pool it came from).
    std::map<std::pair<std::string, std::string>, std::set<std::size_t>> relevantByGroup;
    for (const data::LanguagePair& languages : pool.languagePairs())
        for (const data::TrainingPair& pair : pool.pairs(languages))
            relevantByGroup[{pair.groupId, pair.passageLang}].insert(
                candidateTexts_[pair.passageLang].rowOf(pair.passage));
    for (const data::LanguagePair& languages : pool.crossLingualPairs()) {
        LanguagePairQueries ranked{languages.query, languages.passage, {}};
        for (const data::TrainingPair& pair : pool.pairs(languages)) {
            const std::set<std::size_t>& relevant =
                relevantByGroup.at({pair.groupId, pair.passageLang});
            ranked.queries.push_back(Query{queryTexts_[pair.queryLang].rowOf(pair.query),
                                           {relevant.begin(), relevant.end()}});
        }
        crossPairs_.push_back(std::move(ranked));
    }
}

const std::vector<std::string>& ValidationRanking::queryTexts(const std::string& language) const {
    static const std::vector<std::string> none;
    const auto found = queryTexts_.find(language);
    return found == queryTexts_.end() ? none : found->second.texts;
}

const std::vector<std::string>& ValidationRanking::candidateTexts(
    const std::string& language) const {
    static const std::vector<std::string> none;
    const auto found = candidateTexts_.find(language);
    return found == candidateTexts_.end() ? none : found->second.texts;
}

std::size_t ValidationRanking::crossQueries() const {
    std::size_t queries = 0;
    for (const LanguagePairQueries& ranked : crossPairs_) queries += ranked.queries.size();
    return queries;
}

namespace {

/// 1 / (1 + the candidates of `scores` strictly above the best of `relevant`).
double reciprocalRank(const float* scores, std::size_t candidates,
                      const std::vector<std::size_t>& relevant) {
    float best = scores[relevant.front()];
    for (std::size_t row : relevant) best = std::max(best, scores[row]);
    std::size_t above = 0;
    for (std::size_t row = 0; row < candidates; ++row) above += scores[row] > best ? 1 : 0;
    return 1.0 / static_cast<double>(1 + above);
}

}  // namespace

double ValidationRanking::crossMrr(model::EncoderImpl& encoder,
                                   const text::BatchEncoder& batchEncoder) const {
    if (empty()) throw std::logic_error("ValidationRanking::crossMrr: no cross-lingual query");
    std::map<std::string, at::Tensor> queries;
    std::map<std::string, at::Tensor> candidates;
    for (const LanguagePairQueries& ranked : crossPairs_) {
        if (!queries.count(ranked.queryLang))
            queries[ranked.queryLang] =
                model::embedTexts(encoder, batchEncoder, queryTexts_.at(ranked.queryLang).texts,
                                  text::TextRole::Query);
        if (!candidates.count(ranked.passageLang))
            candidates[ranked.passageLang] = model::embedTexts(
                encoder, batchEncoder, candidateTexts_.at(ranked.passageLang).texts,
                text::TextRole::Passage);
    }
    return crossMrr(queries, candidates);
}

double ValidationRanking::crossMrr(const std::map<std::string, at::Tensor>& queries,
                                   const std::map<std::string, at::Tensor>& candidates) const {
    if (empty()) throw std::logic_error("ValidationRanking::crossMrr: no cross-lingual query");
    torch::NoGradGuard noGrad;
    double sumOfMeans = 0.0;
    for (const LanguagePairQueries& ranked : crossPairs_) {
        const at::Tensor scores = queries.at(ranked.queryLang)
                                      .to(at::kFloat)
                                      .matmul(candidates.at(ranked.passageLang).to(at::kFloat).t())
                                      .contiguous();
        const std::size_t width = static_cast<std::size_t>(scores.size(1));
        const float* data = scores.data_ptr<float>();
        double sum = 0.0;
        for (const Query& query : ranked.queries)
            sum += reciprocalRank(data + query.row * width, width, query.relevant);
        sumOfMeans += sum / static_cast<double>(ranked.queries.size());
    }
    return sumOfMeans / static_cast<double>(crossPairs_.size());
}

}  // namespace mtrec::train
