#include "eval/bm25_index.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace mtrec::eval {

namespace {

// (term, tf) pairs of one document, by term id.
std::vector<std::pair<std::uint32_t, std::uint32_t>> termFrequencies(
    const std::vector<std::uint32_t>& terms) {
    std::vector<std::uint32_t> sorted = terms;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;
    for (std::uint32_t term : sorted) {
        if (!counts.empty() && counts.back().first == term)
            ++counts.back().second;
        else
            counts.push_back({term, 1});
    }
    return counts;
}

}  // namespace

Bm25Index::Bm25Index(const std::vector<const std::vector<std::uint32_t>*>& documents,
                     std::size_t vocabularySize, const Bm25Parameters& parameters)
    : documentCount_(documents.size()), termStart_(vocabularySize + 1, 0) {
    std::size_t nonEmpty = 0;
    double totalLength = 0.0;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> frequencies;
    frequencies.reserve(documents.size());
    for (const std::vector<std::uint32_t>* terms : documents) {
        frequencies.push_back(termFrequencies(*terms));
        for (const auto& [term, tf] : frequencies.back()) {
            if (term >= vocabularySize)
                throw std::out_of_range("Bm25Index: term id beyond vocabulary");
            ++termStart_[term + 1];
        }
        if (!terms->empty()) ++nonEmpty;
        totalLength += static_cast<double>(terms->size());
    }
    for (std::size_t term = 0; term < vocabularySize; ++term)
        termStart_[term + 1] += termStart_[term];
    const double averageLength = nonEmpty ? totalLength / static_cast<double>(nonEmpty) : 1.0;
    const double n = static_cast<double>(nonEmpty);
    postingDocument_.resize(termStart_.back());
    postingWeight_.resize(termStart_.back());
    std::vector<std::uint32_t> next(termStart_.begin(), termStart_.end() - 1);
    for (std::size_t document = 0; document < documents.size(); ++document) {
        const double length = static_cast<double>(documents[document]->size());
        const double norm =
            parameters.k1 * (1.0 - parameters.b + parameters.b * length / averageLength);
        for (const auto& [term, tf] : frequencies[document]) {
            const double df = termStart_[term + 1] - termStart_[term];
            const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
            const std::uint32_t slot = next[term]++;
            postingDocument_[slot] = static_cast<std::uint32_t>(document);
            postingWeight_[slot] = static_cast<float>(idf * tf / (tf + norm));
        }
    }
}

void Bm25Index::score(const std::vector<WeightedTerm>& query, float* scores) const {
    std::fill(scores, scores + documentCount_, 0.0f);
    for (const WeightedTerm& term : query) {
        if (term.term + 1 >= termStart_.size()) continue;
        for (std::uint32_t slot = termStart_[term.term]; slot < termStart_[term.term + 1]; ++slot)
            scores[postingDocument_[slot]] += term.weight * postingWeight_[slot];
    }
}

}  // namespace mtrec::eval
