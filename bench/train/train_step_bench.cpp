// The training step of the default from-scratch encoder, timed (bench/train/train_vs_python.sh
// runs it beside train_step_python.py). Measured, never asserted.
//
// The step is train::TrainingStep, the one the Trainer takes: two encoder passes (queries and
// passages, [batch, seq] each, every token real, random ids drawn before timing), InfoNCE ×20,
// backward, clipping to norm 1, AdamW at the LinearSchedule's rate; --precision bf16 runs the
// Linear layers' GEMMs in bfloat16 (model::MatmulPrecision). --gemm-peak instead measures the fp32
// and the bf16 GEMM peaks of this machine at the same thread count; --gemm-floor also times the
// step's Linear GEMMs on their own (gemm_floor.h).

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <ATen/ATen.h>
#include <CLI/CLI.hpp>

#include "common/heap_reuse.h"
#include "gemm_floor.h"
#include "loaded_blas.h"
#include "model/encoder.h"
#include "model/gemm.h"
#include "model/matmul_precision.h"
#include "step_profile.h"
#include "train/lr_schedule.h"
#include "train/thread_settings.h"
#include "train/training_step.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Shapes {
    int64_t batch = 32;  // pairs: 2 × batch sequences per step
    int64_t seq = 64;
    int64_t vocab = 8000;
    // The encoder (default: EncoderConfig::fromScratch; XLM-R base is 768, 12, 12, 3072).
    int64_t hidden = 256;
    int64_t layers = 4;
    int64_t heads = 4;
    int64_t ffn = 1024;
};

/// CPU seconds of the whole process (every thread, user + system).
double cpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

double seconds(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// Forward FLOPs of the encoder on `sequences` rows of `seq` tokens: per layer the four linear
/// products 2·N·(4h² + 2hf) (N = sequences·seq tokens) and the two attention products 4·N·seq·h.
double forwardFlops(const mtrec::model::EncoderConfig& c, int64_t sequences, int64_t seq) {
    const double tokens = static_cast<double>(sequences * seq);
    const double h = static_cast<double>(c.hiddenSize);
    const double f = static_cast<double>(c.intermediateSize);
    const double perLayer = 2.0 * tokens * (4.0 * h * h + 2.0 * h * f) + 4.0 * tokens * seq * h;
    return perLayer * static_cast<double>(c.layers);
}

struct GemmRate {
    double wallGflops = 0.0;  ///< best of the repeats, wall time
    double cpuGflops = 0.0;   ///< best of the repeats, process CPU time (all threads together)
};

enum class GemmKind { OneDnnFp32, OneDnnBf16, AtenFp32 };

/// Best of `repeats` n×n×n products.
GemmRate gemmRate(GemmKind kind, int64_t n, int repeats) {
    const at::Tensor a = at::randn({n, n});
    const at::Tensor b = at::randn({n, n});
    const at::Tensor a16 = a.to(at::kBFloat16), b16 = b.to(at::kBFloat16);
    at::Tensor c = at::empty({n, n});
    double bestWall = 1e30, bestCpu = 1e30;
    for (int i = 0; i < repeats; ++i) {
        const Clock::time_point start = Clock::now();
        const double cpuStart = cpuSeconds();
        if (kind == GemmKind::OneDnnFp32)
            mtrec::model::sgemm(false, false, n, n, n, 1.0f, a.data_ptr<float>(), n,
                                b.data_ptr<float>(), n, 0.0f, c.data_ptr<float>(), n);
        else if (kind == GemmKind::OneDnnBf16)
            mtrec::model::gemmBf16(false, false, n, n, n, 1.0f, a16.data_ptr<at::BFloat16>(), n,
                                   b16.data_ptr<at::BFloat16>(), n, 0.0f, c.data_ptr<float>(), n);
        else
            at::mm_out(c, a, b);
        bestWall = std::min(bestWall, seconds(start));
        bestCpu = std::min(bestCpu, cpuSeconds() - cpuStart);
    }
    const double flops = 2.0 * static_cast<double>(n) * n * n;
    return {flops / bestWall / 1e9, flops / bestCpu / 1e9};
}

/// The machine's fp32 GEMM peak at `threads`: the faster of oneDNN's sgemm (what the encoder
/// runs) and at::mm (which Debian's ATen sends to the system BLAS); and its bf16 peak (oneDNN's
/// gemm_bf16bf16f32, what the encoder runs under --precision bf16).
int runGemmPeak(int threads) {
    mtrec::train::configureTrainingThreads(static_cast<std::size_t>(threads));
    const GemmRate onednn = gemmRate(GemmKind::OneDnnFp32, 2048, 8);
    const GemmRate bf16 = gemmRate(GemmKind::OneDnnBf16, 2048, 8);
    const GemmRate aten = gemmRate(GemmKind::AtenFp32, 512, 2);
    std::printf(
        "gemm threads=%d onednn_sgemm_2048_gflops=%.2f (per CPU second %.2f) "
        "aten_mm_512_gflops=%.2f (per CPU second %.2f) onednn=%d\n",
        threads, onednn.wallGflops, onednn.cpuGflops, aten.wallGflops, aten.cpuGflops,
        mtrec::model::sgemmUsesOneDnn() ? 1 : 0);
    std::printf("gemm_peak_gflops=%.2f gemm_peak_cpu_gflops=%.2f\n",
                std::max(onednn.wallGflops, aten.wallGflops),
                std::max(onednn.cpuGflops, aten.cpuGflops));
    std::printf("gemm_bf16_peak_gflops=%.2f gemm_bf16_peak_cpu_gflops=%.2f native_bf16=%d\n",
                bf16.wallGflops, bf16.cpuGflops, mtrec::model::cpuHasNativeBf16() ? 1 : 0);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times the training step of the default from-scratch encoder"};
    int steps = 5, warmup = 1, threads = 2;
    Shapes shapes;
    bool gemmPeak = false;
    bool gemmFloor = false;
    bool profile = false;
    std::string precisionName = "fp32";
    app.add_option("--steps", steps, "timed steps")->check(CLI::PositiveNumber);
    app.add_option("--warmup", warmup, "untimed steps first")->check(CLI::NonNegativeNumber);
    app.add_option("--threads", threads, "ATen threads")->check(CLI::PositiveNumber);
    app.add_option("--batch", shapes.batch, "pairs per step")->check(CLI::PositiveNumber);
    app.add_option("--seq", shapes.seq, "tokens per sequence")->check(CLI::Range(2, 128));
    app.add_option("--vocab", shapes.vocab, "vocabulary size")->check(CLI::PositiveNumber);
    app.add_option("--hidden", shapes.hidden, "hidden size")->check(CLI::PositiveNumber);
    app.add_option("--layers", shapes.layers, "transformer layers")->check(CLI::PositiveNumber);
    app.add_option("--heads", shapes.heads, "attention heads (divide --hidden)")
        ->check(CLI::PositiveNumber);
    app.add_option("--ffn", shapes.ffn, "feed-forward size")->check(CLI::PositiveNumber);
    app.add_option("--precision", precisionName, "the Linear layers' GEMMs: fp32 or bf16")
        ->check(CLI::IsMember({"fp32", "bf16"}));
    app.add_flag("--gemm-peak", gemmPeak, "measure the fp32 and bf16 GEMM peaks instead");
    app.add_flag("--gemm-floor", gemmFloor,
                 "time the step's Linear GEMMs alone (fp32 and bf16) after the timed steps");
    app.add_flag("--profile", profile, "profile one more step after the timed ones");
    CLI11_PARSE(app, argc, argv);
    mtrec::keepFreedMemoryForReuse();  // as the mtrec CLI does
    if (gemmPeak) return runGemmPeak(threads);

    mtrec::train::configureTrainingThreads(static_cast<std::size_t>(threads));
    const mtrec::model::MatmulPrecisionScope precision(precisionName == "bf16"
                                                           ? mtrec::model::MatmulPrecision::Bf16
                                                           : mtrec::model::MatmulPrecision::Fp32);
    at::manual_seed(1);
    auto config = mtrec::model::EncoderConfig::fromScratch(shapes.vocab, 0);
    config.hiddenSize = shapes.hidden;
    config.layers = shapes.layers;
    config.heads = shapes.heads;
    config.intermediateSize = shapes.ffn;
    mtrec::Result<mtrec::model::Encoder> created = mtrec::model::createEncoder(config, 1);
    if (!created) {
        std::fprintf(stderr, "%s\n", created.error().message.c_str());
        return 1;
    }
    mtrec::model::Encoder encoder = created.value();
    encoder->train();
    mtrec::train::TrainingStep step(*encoder, 0.01, 1.0, mtrec::train::InfoNceOptions{});
    const std::size_t total = static_cast<std::size_t>(warmup + steps);
    const mtrec::train::LinearSchedule schedule(3e-5, std::max<std::size_t>(1, total / 10), total);

    std::vector<mtrec::train::BatchTensors> batches(total);
    const at::Tensor mask = at::ones({shapes.batch, shapes.seq}, at::kLong);
    for (auto& batch : batches) {
        batch.queries = {at::randint(5, shapes.vocab, {shapes.batch, shapes.seq}), mask};
        batch.passages = {at::randint(5, shapes.vocab, {shapes.batch, shapes.seq}), mask};
        batch.pairs = shapes.batch;
    }
    std::vector<double> times;
    std::vector<double> cpuTimes;
    for (std::size_t i = 0; i < total; ++i) {
        const Clock::time_point start = Clock::now();
        const double cpuStart = cpuSeconds();
        const mtrec::train::StepResult result = step.run(batches[i], 1.0, schedule.at(i + 1));
        const double elapsed = seconds(start);
        const double cpu = cpuSeconds() - cpuStart;
        if (i < static_cast<std::size_t>(warmup)) continue;
        times.push_back(elapsed);
        cpuTimes.push_back(cpu);
        std::printf("step %zu %.6f cpu %.6f loss %.6f\n", times.size(), elapsed, cpu, result.loss);
        std::fflush(stdout);
    }
    if (profile)
        mtrec::bench::printStepProfile(
            [&] { static_cast<void>(step.run(batches.back(), 1.0, schedule.at(total))); }, 30);
    if (gemmFloor) {
        const mtrec::bench::LinearShapes linearShapes{shapes.batch * shapes.seq, shapes.hidden,
                                                      shapes.ffn, shapes.layers, 2};
        for (const bool bf16 : {false, true}) {
            const mtrec::bench::GemmFloor floor = mtrec::bench::gemmFloor(linearShapes, bf16, 5);
            std::printf(
                "linear_gemm_floor precision=%s seconds=%.4f forward=%.4f input_gradient=%.4f "
                "weight_gradient=%.4f\n",
                bf16 ? "bf16" : "fp32", floor.total(), floor.forward, floor.inputGradient,
                floor.weightGradient);
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double flops = 3.0 * forwardFlops(config, 2 * shapes.batch, shapes.seq);
    const double stepSeconds = median(times);
    const double stepCpu = median(cpuTimes);
    std::printf("# blas cpp mapped: %s\n", mtrec::bench::loadedBlas().c_str());
    std::printf(
        "cpp precision=%s threads=%d median_step_s=%.6f median_cpu_s=%.6f peak_rss_mib=%.1f "
        "step_gflop=%.2f achieved_gflops=%.2f achieved_cpu_gflops=%.2f\n",
        precisionName.c_str(), threads, stepSeconds, stepCpu,
        static_cast<double>(usage.ru_maxrss) / 1024.0, flops / 1e9, flops / stepSeconds / 1e9,
        flops / stepCpu / 1e9);
    return 0;
}
