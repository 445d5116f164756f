// Benchmark (measured, never asserted): exact dense search of a corpus-sized pool in bounded
// memory, through the engine's real path: a MIRACL-like suite (one language, Mo only) of N
// candidates and Q queries, DenseScorer, evaluateSuite's bounded search with a TREC export at depth
// k (the top k of every query) and the exact rank of every relevant candidate. Vectors are random
// unit vectors (uniform in [-1, 1)^d, normalised); each query is one of its relevant candidates
// plus noise. Prints one "result" line for bench/eval/corpus_search.sh; corpus_search.py is the
// Python twin.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

#include "bench_util.h"
#include "experiment/dense_scorer.h"
#include "synthetic_vectors.h"

namespace {

using namespace mtrec;

struct Corpus {
    data::RetrievalSuite suite;
    std::vector<experiment::LanguageEmbeddings> embeddings;
};

Corpus syntheticCorpus(std::size_t candidates, std::size_t queries, std::size_t dimension,
                       std::size_t relevant, float noise) {
    Corpus corpus;
    corpus.suite.name = "synthetic-corpus";
    corpus.suite.parallel = false;
    data::LanguageData language;
    language.code = "xx";
    language.candidates.reserve(candidates);
    for (std::size_t c = 0; c < candidates; ++c)
        language.candidates.push_back({"xx:" + std::to_string(c), ""});
    bench::Uniform uniform(7);
    std::vector<float> docs = bench::unitVectors(candidates, dimension, uniform);
    std::mt19937_64 pick(11);
    std::vector<std::size_t> answers;
    for (std::size_t q = 0; q < queries; ++q) {
        language.queries.push_back({"q" + std::to_string(q), ""});
        auto& judged = language.judgments.emplace_back();
        for (std::size_t r = 0; r < relevant; ++r) judged.push_back({0, pick() % candidates, 1});
        answers.push_back(judged[0].candidate);
    }
    std::vector<float> asked = bench::queriesNear(docs, answers, dimension, noise, uniform);
    corpus.embeddings.push_back(
        {{queries, dimension, std::move(asked)}, {candidates, dimension, std::move(docs)}});
    corpus.suite.languages.push_back(std::move(language));
    return corpus;
}

const char* kernelTarget() {
#if defined(__x86_64__) && defined(__GNUC__)
    if (__builtin_cpu_supports("avx512f")) return "AVX-512 clone";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "AVX2+FMA clone";
#endif
    return "generic clone";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Exact dense search of a corpus-sized pool in bounded memory (bounded_step.h)"};
    std::size_t candidates = 100000, queries = 1000, dimension = 256, depth = 1000, relevant = 3;
    std::size_t chunkRows = 512, chunkColumns = 8192;
    int threads = 2;
    float noise = 0.5f;
    bool fullMatrix = false;
    app.add_option("--candidates", candidates, "Pool size N")->capture_default_str();
    app.add_option("--queries", queries, "Queries")->capture_default_str();
    app.add_option("--dim", dimension, "Embedding dimension")->capture_default_str();
    app.add_option("--depth", depth, "k: documents kept per query (TREC export)")
        ->capture_default_str();
    app.add_option("--relevant", relevant, "Relevant candidates per query")->capture_default_str();
    app.add_option("--threads", threads, "Threads")->capture_default_str();
    app.add_option("--chunk-rows", chunkRows, "Query rows per block")->capture_default_str();
    app.add_option("--chunk-columns", chunkColumns, "Candidates per column chunk")
        ->capture_default_str();
    app.add_option("--noise", noise, "Query noise")->capture_default_str();
    app.add_flag("--full-matrix", fullMatrix,
                 "Rank with the full score matrix (rows x N) instead, for comparison");
    CLI11_PARSE(app, argc, argv);

    Corpus corpus = syntheticCorpus(candidates, queries, dimension, relevant, noise);
    auto scorer = experiment::DenseScorer::create(corpus.suite, std::move(corpus.embeddings));
    if (!scorer) {
        std::fprintf(stderr, "%s\n", scorer.error().message.c_str());
        return 1;
    }
    const std::filesystem::path exportDir = std::filesystem::temp_directory_path() /
                                            ("corpus_search_bench." + std::to_string(getpid()));
    eval::EvaluationOptions options;
    options.threads = threads;
    options.queryChunkRows = chunkRows;
    options.columnChunk = chunkColumns;
    options.trecExportDir = exportDir.string();
    options.trecDepth = depth;
    options.boundedPoolThreshold = fullMatrix ? std::numeric_limits<std::size_t>::max() : 0;
    const double before = bench::statusMiB("VmRSS");
    bench::resetPeakRss();
    const double cpuStart = bench::cpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    auto evaluation = eval::evaluateSuite(corpus.suite, *scorer.value(), options);
    const double wall = bench::secondsSince(start);
    const double cpu = bench::cpuSeconds() - cpuStart;
    const double peak = bench::statusMiB("VmHWM");
    std::filesystem::remove_all(exportDir);
    if (!evaluation) {
        std::fprintf(stderr, "%s\n", evaluation.error().message.c_str());
        return 1;
    }
    const eval::EvaluationTimings& t = evaluation.value().timings;
    std::printf("C++ search: %s, kernel %s (inner_products.h, no BLAS)\n",
                fullMatrix ? "full score matrix (DenseScorer::score, oneDNN/ATen)" : "bounded",
                kernelTarget());
    std::printf(
        "scoring %.3f s (%.1f GFLOP/s), ranking + top-k %.3f s, TREC export %.3f s\n",
        t.scoringSeconds,
        2.0 * static_cast<double>(queries * candidates * dimension) / t.scoringSeconds / 1e9,
        t.rankingSeconds, t.exportSeconds);
    bench::printSummary(evaluation.value());
    // N d Q k threads wall cpu export rss_before_MiB peak_MiB (peak = VmHWM during the search;
    // export = sorting the top k and writing the TREC run, which the Python twin does not do)
    std::printf("result cpp %zu %zu %zu %zu %d %.3f %.3f %.3f %.1f %.1f\n", candidates, dimension,
                queries, depth, threads, wall, cpu, t.exportSeconds, before, peak);
    return 0;
}
