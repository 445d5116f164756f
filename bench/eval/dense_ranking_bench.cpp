// Benchmark (measured, never asserted): ranking + metrics of a dense scorer on an XQuAD-R-sized
// suite — 11 languages, 1190 parallel queries each (13,090), 13,014 candidates with XQuAD-R's
// per-language counts; all 121 Mo/Cr pairs, Mul and the language bias. Embeddings are random unit
// vectors; each query is its answers' mean plus noise, so rankings are neither trivial nor random.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>

#include "bench_util.h"
#include "experiment/dense_scorer.h"

namespace {

using namespace mtrec;

void normalise(float* row, std::size_t dimension) {
    double norm = 0;
    for (std::size_t i = 0; i < dimension; ++i) norm += static_cast<double>(row[i]) * row[i];
    const float scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (std::size_t i = 0; i < dimension; ++i) row[i] *= scale;
}

// Query q is judged relevant to candidate (q * candidates / queries) of every language.
data::RetrievalSuite syntheticSuite(std::size_t queries) {
    const std::vector<std::pair<std::string, std::size_t>> languages = {
        {"ar", 1222}, {"de", 1276}, {"el", 1234}, {"en", 1180}, {"es", 1215}, {"hi", 1244},
        {"ru", 1219}, {"th", 852},  {"tr", 1167}, {"vi", 1209}, {"zh", 1196}};
    data::RetrievalSuite suite;
    suite.name = "synthetic-xquad-r";
    for (const auto& [code, candidates] : languages) {
        data::LanguageData language;
        language.code = code;
        for (std::size_t c = 0; c < candidates; ++c)
            language.candidates.push_back({code + ":" + std::to_string(c), ""});
        suite.languages.push_back(std::move(language));
    }
    for (data::LanguageData& language : suite.languages) {
        for (std::size_t q = 0; q < queries; ++q) {
            language.queries.push_back({"q" + std::to_string(q), ""});
            auto& judged = language.judgments.emplace_back();
            for (std::size_t y = 0; y < suite.languages.size(); ++y)
                judged.push_back({y, q * suite.languages[y].candidates.size() / queries, 1});
        }
    }
    return suite;
}

std::vector<experiment::LanguageEmbeddings> syntheticEmbeddings(const data::RetrievalSuite& suite,
                                                          std::size_t dimension, float noise) {
    std::mt19937 random(7);
    std::normal_distribution<float> gaussian;
    std::vector<experiment::LanguageEmbeddings> embeddings(suite.languages.size());
    for (std::size_t l = 0; l < suite.languages.size(); ++l) {
        auto& candidates = embeddings[l].candidates;
        candidates = {suite.languages[l].candidates.size(), dimension, {}};
        candidates.values.resize(candidates.rows * dimension);
        for (float& v : candidates.values) v = gaussian(random);
        for (std::size_t r = 0; r < candidates.rows; ++r)
            normalise(&candidates.values[r * dimension], dimension);
    }
    for (std::size_t l = 0; l < suite.languages.size(); ++l) {
        auto& queries = embeddings[l].queries;
        queries = {suite.languages[l].queries.size(), dimension, {}};
        queries.values.resize(queries.rows * dimension);
        for (std::size_t q = 0; q < queries.rows; ++q) {
            float* row = &queries.values[q * dimension];
            for (std::size_t i = 0; i < dimension; ++i) row[i] = noise * gaussian(random);
            for (const data::Judgment& j : suite.languages[l].judgments[q]) {
                const float* answer =
                    &embeddings[j.language].candidates.values[j.candidate * dimension];
                const float weight = j.language == l ? 1.0f : 0.5f;  // some language bias
                for (std::size_t i = 0; i < dimension; ++i) row[i] += weight * answer[i];
            }
            normalise(row, dimension);
        }
    }
    return embeddings;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Dense ranking + metrics benchmark on an XQuAD-R-sized synthetic suite"};
    std::size_t dimension = 256, queries = 1190, chunk = 512;
    int threads = 2;
    float noise = 0.35f;
    std::size_t boundedThreshold = eval::EvaluationOptions{}.boundedPoolThreshold;
    app.add_option("--dim", dimension, "Embedding dimension");
    app.add_option("--queries", queries, "Queries per language");
    app.add_option("--threads", threads, "Threads");
    app.add_option("--chunk", chunk, "Query rows per block");
    app.add_option("--noise", noise, "Query noise (per dimension)");
    app.add_option("--bounded-threshold", boundedThreshold,
                   "Pools larger than this use the bounded search (0: every pool)")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    const data::RetrievalSuite suite = syntheticSuite(queries);
    auto scorer = experiment::DenseScorer::create(suite, syntheticEmbeddings(suite, dimension, noise));
    if (!scorer) {
        std::fprintf(stderr, "%s\n", scorer.error().message.c_str());
        return 1;
    }
    eval::EvaluationOptions options;
    options.threads = threads;
    options.queryChunkRows = chunk;
    options.boundedPoolThreshold = boundedThreshold;
    const double cpuStart = bench::cpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    auto evaluation = eval::evaluateSuite(suite, *scorer.value(), options);
    const double wall = bench::secondsSince(start);
    const double cpu = bench::cpuSeconds() - cpuStart;
    if (!evaluation) {
        std::fprintf(stderr, "%s\n", evaluation.error().message.c_str());
        return 1;
    }
    const eval::EvaluationTimings& t = evaluation.value().timings;
    std::size_t candidates = 0;
    for (const data::LanguageData& language : suite.languages)
        candidates += language.candidates.size();
    std::printf(
        "dense ranking benchmark: %zu queries x %zu candidates, dim %zu, %d threads, chunk %zu\n",
        queries * suite.languages.size(), candidates, dimension, threads, chunk);
    std::printf("matrix products      %8.3f s\n", t.scoringSeconds);
    std::printf("ranking + metrics    %8.3f s  (121 pairs + Mul + bias)\n", t.rankingSeconds);
    std::printf("wall                 %8.3f s  (CPU time of all threads %.3f s)\n", wall, cpu);
    std::printf("peak RSS             %8.1f MiB\n", bench::peakRssMiB());
    bench::printSummary(evaluation.value());
    return 0;
}
