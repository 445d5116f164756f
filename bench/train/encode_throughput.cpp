// Benchmark (measured, never asserted): texts/s of model::embedIds with the default from-scratch
// encoder (hidden 256, 4 layers, 4 heads, FFN 1024; --hidden, --layers, --heads and --ffn give
// another shape, e.g. XLM-R base's 768, 12, 12, 3072) on token-id rows read from a file, one row a
// line — the C++ half of encode_throughput.sh, which runs encode_throughput.py on the same rows.
// --precision bf16 runs the Linear layers' GEMMs on bfloat16 inputs (model::MatmulPrecision).
// Prints one line: "cpp_<precision> texts_per_s=<rate> texts=<n> seconds=<s> onednn=<0|1>".
#include <CLI/CLI.hpp>

#include <ATen/Functions.h>
#include <ATen/Parallel.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "common/heap_reuse.h"
#include "loaded_blas.h"
#include "model/encoder.h"
#include "model/gemm.h"
#include "model/matmul_precision.h"
#include "model/text_embedder.h"

namespace {

std::vector<std::vector<int64_t>> readRows(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::vector<std::vector<int64_t>> rows;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::vector<int64_t> row;
        for (int64_t id; fields >> id;) row.push_back(id);
        if (!row.empty()) rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Encoding throughput of the default from-scratch encoder"};
    std::string inputs;
    int threads = 1;
    std::size_t batch = 64;
    uint64_t seed = 1;
    std::string precision = "fp32";
    mtrec::model::EncoderConfig config = mtrec::model::EncoderConfig::fromScratch(8000, 0);
    app.add_option("--inputs", inputs, "token-id rows, one a line")->required();
    app.add_option("--threads", threads, "ATen/OpenMP threads");
    app.add_option("--batch", batch, "rows per forward pass");
    app.add_option("--seed", seed, "initialisation seed");
    app.add_option("--precision", precision, "the Linear layers' GEMMs: fp32 or bf16")
        ->check(CLI::IsMember({"fp32", "bf16"}));
    app.add_option("--hidden", config.hiddenSize, "hidden size")->check(CLI::PositiveNumber);
    app.add_option("--layers", config.layers, "transformer layers")->check(CLI::PositiveNumber);
    app.add_option("--heads", config.heads, "attention heads (divide --hidden)")
        ->check(CLI::PositiveNumber);
    app.add_option("--ffn", config.intermediateSize, "feed-forward size")
        ->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);
    mtrec::keepFreedMemoryForReuse();  // as the mtrec CLI does

    using namespace mtrec::model;
    at::set_num_threads(threads);
    const MatmulPrecisionScope scope(precision == "bf16" ? MatmulPrecision::Bf16
                                                         : MatmulPrecision::Fp32);
    const auto rows = readRows(inputs);
    mtrec::Result<Encoder> created = createEncoder(config, seed);
    if (!created) {
        std::fprintf(stderr, "%s\n", created.error().message.c_str());
        return 1;
    }
    Encoder encoder = created.value();
    EmbeddingOptions options;
    options.batchSize = batch;
    const std::vector<std::vector<int64_t>> warmUp(rows.begin(),
                                                   rows.begin() + std::min(rows.size(), batch));
    embedIds(*encoder, warmUp, options);

    const auto start = std::chrono::steady_clock::now();
    const at::Tensor result = embedIds(*encoder, rows, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double worstNorm = result.norm(2, {1}).sub(1.0).abs().max().item<double>();
    if (worstNorm > 1e-4) {
        std::fprintf(stderr, "embeddings are not unit vectors (|norm - 1| up to %g)\n", worstNorm);
        return 1;
    }
    std::printf("# blas cpp mapped: %s\n", mtrec::bench::loadedBlas().c_str());
    std::printf("cpp_%s texts_per_s=%.1f texts=%zu seconds=%.3f onednn=%d\n", precision.c_str(),
                rows.size() / seconds, rows.size(), seconds, sgemmUsesOneDnn() ? 1 : 0);
    return 0;
}
