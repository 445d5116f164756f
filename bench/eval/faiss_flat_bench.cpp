// Benchmark (measured, never asserted): FAISS's exact flat inner-product index (IndexFlatIP,
// Debian's libfaiss-dev 1.7.3: BLAS sgemm in blocks plus a k-heap per query) on the same synthetic
// corpus as corpus_search_bench: N random unit vectors, Q queries near one of them, top k. Gives
// the top k only: the exact rank of a relevant candidate beyond k would be a second pass of our
// own.
#include <faiss/IndexFlat.h>
#include <omp.h>

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <random>

#include "synthetic_vectors.h"

int main(int argc, char** argv) {
    CLI::App app{"FAISS IndexFlatIP exact top-k search on random unit vectors"};
    std::size_t candidates = 100000, queries = 1000, dimension = 256, depth = 1000;
    int threads = 2;
    float noise = 0.5f;
    app.add_option("--candidates", candidates, "Pool size N")->capture_default_str();
    app.add_option("--queries", queries, "Queries")->capture_default_str();
    app.add_option("--dim", dimension, "Embedding dimension")->capture_default_str();
    app.add_option("--depth", depth, "k")->capture_default_str();
    app.add_option("--threads", threads, "OpenMP threads")->capture_default_str();
    app.add_option("--noise", noise, "Query noise")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    omp_set_num_threads(threads);

    using namespace mtrec::bench;
    Uniform uniform(7);
    const std::vector<float> docs = unitVectors(candidates, dimension, uniform);
    std::mt19937_64 pick(11);
    std::vector<std::size_t> answers;
    for (std::size_t q = 0; q < queries; ++q) answers.push_back(pick() % candidates);
    const std::vector<float> asked = queriesNear(docs, answers, dimension, noise, uniform);
    faiss::IndexFlatIP index(static_cast<faiss::Index::idx_t>(dimension));
    index.add(static_cast<faiss::Index::idx_t>(candidates), docs.data());

    std::vector<float> scores(queries * depth);
    std::vector<faiss::Index::idx_t> labels(queries * depth);
    const double before = statusMiB("VmRSS");
    resetPeakRss();
    const auto start = std::chrono::steady_clock::now();
    index.search(static_cast<faiss::Index::idx_t>(queries), asked.data(),
                 static_cast<faiss::Index::idx_t>(depth), scores.data(), labels.data());
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double peak = statusMiB("VmHWM");
    std::size_t found = 0;  // queries whose own answer is in their top k
    for (std::size_t q = 0; q < queries; ++q)
        for (std::size_t i = 0; i < depth; ++i)
            found += labels[q * depth + i] == static_cast<faiss::Index::idx_t>(answers[q]);
    std::printf("FAISS IndexFlatIP: answer in the top %zu for %zu of %zu queries\n", depth, found,
                queries);
    // N d Q k threads wall rss_before_MiB peak_MiB
    std::printf("result faiss %zu %zu %zu %zu %d %.3f %.1f %.1f\n", candidates, dimension, queries,
                depth, threads, wall, before, peak);
    return 0;
}
