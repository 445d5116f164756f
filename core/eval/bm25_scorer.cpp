#include "eval/bm25_scorer.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "eval/parallel_for.h"
#include "eval/text_analyzer.h"

namespace mtrec::eval {

namespace {

using Tokens = std::vector<std::string>;

struct AnalysedLanguage {
    std::vector<Tokens> candidates;
    std::vector<Tokens> queries;
};

// Analyses every text of the suite, languages in parallel (one ICU analyzer per language).
Result<std::vector<AnalysedLanguage>> analyseSuite(const data::RetrievalSuite& suite, int threads) {
    std::vector<AnalysedLanguage> analysed(suite.languages.size());
    std::vector<std::string> failures(suite.languages.size());
    parallelFor(suite.languages.size(), threads, 1, [&](std::size_t begin, std::size_t end) {
        for (std::size_t l = begin; l < end; ++l) {
            Result<TextAnalyzer> analyzer = TextAnalyzer::create(suite.languages[l].code);
            if (!analyzer) {
                failures[l] = analyzer.error().message;
                continue;
            }
            for (const data::Candidate& candidate : suite.languages[l].candidates)
                analysed[l].candidates.push_back(analyzer.value().analyze(candidate.text));
            for (const data::Query& query : suite.languages[l].queries)
                analysed[l].queries.push_back(analyzer.value().analyze(query.text));
        }
    });
    for (const std::string& failure : failures)
        if (!failure.empty()) return Error{suite.name + ": " + failure};
    return analysed;
}

}  // namespace

struct Bm25Scorer::Impl {
    const data::RetrievalSuite& suite;
    Bm25Parameters parameters;
    std::size_t vocabularySize = 0;
    std::vector<std::vector<std::vector<std::uint32_t>>> candidateTerms;  // [language][candidate]
    std::vector<std::vector<std::vector<WeightedTerm>>> queryTerms;       // [language][query]
    std::map<std::vector<std::size_t>, std::unique_ptr<Bm25Index>> indexes;  // by pool languages

    Impl(const data::RetrievalSuite& s, const Bm25Parameters& p) : suite(s), parameters(p) {}

    // Term ids in first-seen order over the candidates in suite order, so they are deterministic.
    void assignTermIds(const std::vector<AnalysedLanguage>& analysed) {
        std::unordered_map<std::string, std::uint32_t> vocabulary;
        for (const AnalysedLanguage& language : analysed) {
            auto& documents = candidateTerms.emplace_back();
            for (const Tokens& tokens : language.candidates) {
                auto& ids = documents.emplace_back();
                for (const std::string& token : tokens)
                    ids.push_back(
                        vocabulary.emplace(token, static_cast<std::uint32_t>(vocabulary.size()))
                            .first->second);
            }
        }
        vocabularySize = vocabulary.size();
        for (const AnalysedLanguage& language : analysed) {
            auto& queries = queryTerms.emplace_back();
            for (const Tokens& tokens : language.queries)
                queries.push_back(queryOf(tokens, vocabulary));
        }
    }

    // Unique known terms by id, each weighted by its count in the query.
    static std::vector<WeightedTerm> queryOf(
        const Tokens& tokens, const std::unordered_map<std::string, std::uint32_t>& vocabulary) {
        std::vector<std::uint32_t> ids;
        for (const std::string& token : tokens) {
            const auto found = vocabulary.find(token);
            if (found != vocabulary.end()) ids.push_back(found->second);
        }
        std::sort(ids.begin(), ids.end());
        std::vector<WeightedTerm> terms;
        for (std::uint32_t id : ids) {
            if (!terms.empty() && terms.back().term == id)
                terms.back().weight += 1.0f;
            else
                terms.push_back({id, 1.0f});
        }
        return terms;
    }

    const Bm25Index& indexFor(const std::vector<std::size_t>& languages) {
        std::unique_ptr<Bm25Index>& index = indexes[languages];
        if (!index) {
            std::vector<const std::vector<std::uint32_t>*> documents;
            for (std::size_t language : languages)
                for (const auto& terms : candidateTerms.at(language)) documents.push_back(&terms);
            index = std::make_unique<Bm25Index>(documents, vocabularySize, parameters);
        }
        return *index;
    }
};

Bm25Scorer::Bm25Scorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Bm25Scorer::~Bm25Scorer() = default;

Result<std::unique_ptr<Bm25Scorer>> Bm25Scorer::create(const data::RetrievalSuite& suite,
                                                       const Bm25Parameters& parameters,
                                                       int threads) {
    Result<std::vector<AnalysedLanguage>> analysed = analyseSuite(suite, threads);
    if (!analysed) return analysed.error();
    auto impl = std::make_unique<Impl>(suite, parameters);
    impl->assignTermIds(analysed.value());
    return std::unique_ptr<Bm25Scorer>(new Bm25Scorer(std::move(impl)));
}

std::size_t Bm25Scorer::vocabularySize() const {
    return impl_->vocabularySize;
}

void Bm25Scorer::score(const ScoreBlock& block, float* out) {
    const auto& queries = impl_->queryTerms.at(block.queryLanguage);
    if (block.firstQuery > block.endQuery || block.endQuery > queries.size())
        throw std::out_of_range("Bm25Scorer::score: query rows outside the language");
    const Bm25Index& index = impl_->indexFor(block.poolLanguages);
    const std::size_t columns = index.documentCount();
    parallelFor(block.endQuery - block.firstQuery, block.threads, 16,
                [&](std::size_t begin, std::size_t end) {
                    for (std::size_t row = begin; row < end; ++row)
                        index.score(queries[block.firstQuery + row], out + row * columns);
                });
}

}  // namespace mtrec::eval
