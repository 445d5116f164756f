// What logging every step to the experiments database costs a training run (issue 4: "< 1 %").
// Measured, never asserted.
//
// One small config (default resources/configs/mlqa-hybrid.json: MLQA dev, hidden 128, 2 layers,
// batch 16) is read and its tokenizer trained once; then the same training (same seed, so the same
// batches and losses) runs `--runs` times with its step metrics and batch telemetry logged through
// experiment::RunRecorder (what `mtrec train` uses: the batched MetricsWriter, heartbeats) and
// `--runs` times without, alternating. No validation and no checkpoints in either, so the two
// differ only by the logging. Prints the median wall time of each, the end-to-end overhead of the
// medians, and the direct cost: the time spent inside the logging calls per step (including the
// final flush) against the median step time of the unlogged runs. The last line is
// `logging_overhead_percent=<end-to-end overhead of the medians>`.
//
// One intra-op thread by default: on a machine whose cores other processes also use, OpenMP's
// threads wait on each other at every barrier and the step time measures that contention (30x
// slower with 2 threads on a busy 2-core machine), not the logging.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "experiment/encoder_setup.h"
#include "experiment/run_recorder.h"
#include "experiment/tokenizer_setup.h"
#include "experiment/training_run.h"
#include "text/batch_encoder.h"
#include "train/sampler_factory.h"
#include "train/strategy_spec.h"
#include "train/trainer.h"

namespace {

namespace fs = std::filesystem;
using namespace mtrec;
using Timer = std::chrono::steady_clock;

double secondsSince(Timer::time_point start) {
    return std::chrono::duration<double>(Timer::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

struct BenchOptions {
    std::string config = "resources/configs/mlqa-hybrid.json";
    std::size_t steps = 100;
    int runs = 5;
    std::size_t threads = 1;  ///< 0: the config's
    std::string workDir;      ///< tokenizer and database; empty: a temporary folder, removed after
};

/// One training run's timings.
struct Timing {
    double wallSeconds = 0.0;     ///< train() plus the final flush
    double loggingSeconds = 0.0;  ///< inside RunRecorder::step and the final flush
    double lastLoss = 0.0;
};

/// The pieces every run shares: the checked config and data, the tokenizer, the store.
class Bench {
public:
    Bench(experiment::TrainingRunCheck checked, std::unique_ptr<text::Tokenizer> tokenizer,
          store::ExperimentStore store, const BenchOptions& options)
        : checked_(std::move(checked)),
          tokenizer_(std::move(tokenizer)),
          batchEncoder_(*tokenizer_, checked_.config.tokenizer.encoding),
          store_(std::move(store)),
          options_(options) {}

    Timing run(bool logged) {
        const experiment::TrainingConfig& config = checked_.config;
        Result<model::Encoder> encoder = experiment::buildEncoder(config, *tokenizer_, {});
        if (!encoder) throw std::runtime_error(encoder.error().message);
        experiment::TrainingData& data = *checked_.data;
        auto sampler =
            train::makeSampler(config.strategy, {&data.train, &data.translation}, config.seed);
        train::Trainer trainer(encoder.value(), batchEncoder_, *sampler, trainerOptions());

        Timing timing;
        std::unique_ptr<experiment::RunRecorder> recorder;
        if (logged)  // flushing as often as a real run does: before each of its checkpoints
            recorder = std::make_unique<experiment::RunRecorder>(store_, newRun(),
                                                                 config.optimizer.checkpointEvery);
        trainer.setStepObserver([&](const train::TrainingProgress& progress) {
            if (!recorder) return;
            const Timer::time_point start = Timer::now();
            recorder->step(progress, false);
            timing.loggingSeconds += secondsSince(start);
        });

        const Timer::time_point start = Timer::now();
        Result<train::TrainingOutcome> outcome = trainer.train();
        if (recorder) {
            const Timer::time_point flushStart = Timer::now();
            if (Status flushed = recorder->flush(); !flushed)
                throw std::runtime_error(flushed.error().message);
            timing.loggingSeconds += secondsSince(flushStart);
        }
        timing.wallSeconds = secondsSince(start);
        if (!outcome) throw std::runtime_error(outcome.error().message);
        timing.lastLoss = outcome.value().lastLoss;
        return timing;
    }

private:
    train::TrainerOptions trainerOptions() const {
        const experiment::TrainingConfig& config = checked_.config;
        train::TrainerOptions options;
        options.lr = config.optimizer.lr;
        options.weightDecay = config.optimizer.weightDecay;
        options.warmupSteps = config.optimizer.warmupSteps;
        options.clipNorm = config.optimizer.clipNorm;
        options.steps = options_.steps;
        options.threads = options_.threads > 0 ? options_.threads : config.threads;
        options.seed = config.seed;
        options.loss.scale = 1.0 / config.strategy.tau;
        options.loss.symmetric = config.strategy.symmetric;
        options.hardNegatives = config.strategy.hardNegatives;
        return options;  // no validation, no checkpoints
    }

    std::int64_t newRun() {
        store::NewRun run;
        run.name = checked_.config.name + "-logged";
        run.strategy = train::strategyNameText(checked_.config.strategy.name);
        Result<std::int64_t> id = store_.runs().create(run);
        if (!id) throw std::runtime_error(id.error().message);
        if (Status started = store_.runs().start(id.value()); !started)
            throw std::runtime_error(started.error().message);
        return id.value();
    }

    experiment::TrainingRunCheck checked_;
    std::unique_ptr<text::Tokenizer> tokenizer_;
    text::BatchEncoder batchEncoder_;
    store::ExperimentStore store_;
    const BenchOptions& options_;
};

int fail(const std::string& message) {
    std::fprintf(stderr, "mtrec_logging_overhead_bench: %s\n", message.c_str());
    return 1;
}

int runBench(const BenchOptions& options) {
    Result<experiment::TrainingRunCheck> checked = experiment::checkTrainingRun(options.config, {});
    if (!checked) return fail(checked.error().message);
    if (!checked.value().ok()) return fail(checked.value().problemText());
    const fs::path work =
        options.workDir.empty()
            ? fs::temp_directory_path() / ("mtrec-logging-bench-" + std::to_string(::getpid()))
            : fs::path(options.workDir);
    fs::create_directories(work);
    fs::remove(work / "bench.db");
    auto tokenizer =
        experiment::buildTokenizer(checked.value().config, *checked.value().data, {},
                                   work / "tokenizer.model", work / "tokenizers", true);
    if (!tokenizer) return fail(tokenizer.error().message);
    auto store = store::ExperimentStore::open((work / "bench.db").string());
    if (!store) return fail(store.error().message);
    Bench bench(std::move(checked).value(), std::move(tokenizer.value().tokenizer),
                std::move(store).value(), options);

    std::printf("config=%s steps=%zu runs_each=%d work=%s\n", options.config.c_str(), options.steps,
                options.runs, work.string().c_str());
    bench.run(false);  // warm-up (allocator, oneDNN kernels), not counted
    std::vector<double> plain, logged, loggingPerStep;
    for (int i = 0; i < options.runs; ++i) {
        for (const bool log : {false, true}) {
            const Timing timing = bench.run(log);
            (log ? logged : plain).push_back(timing.wallSeconds);
            if (log) loggingPerStep.push_back(timing.loggingSeconds / options.steps);
            std::printf("run %d %-10s wall_s=%.3f logging_us_per_step=%.1f last_loss=%.17g\n", i,
                        log ? "logged" : "not-logged", timing.wallSeconds,
                        1e6 * timing.loggingSeconds / options.steps, timing.lastLoss);
            std::fflush(stdout);
        }
    }
    const double plainMedian = median(plain), loggedMedian = median(logged);
    const double stepSeconds = plainMedian / options.steps;
    const double direct = median(loggingPerStep);
    std::printf("median_wall_s not-logged=%.3f logged=%.3f (not-logged min %.3f max %.3f)\n",
                plainMedian, loggedMedian, *std::min_element(plain.begin(), plain.end()),
                *std::max_element(plain.begin(), plain.end()));
    std::printf("median_step_ms=%.3f logging_us_per_step=%.1f direct_logging_cost_percent=%.4f\n",
                1e3 * stepSeconds, 1e6 * direct, 100.0 * direct / stepSeconds);
    std::printf("logging_overhead_percent=%.3f\n",
                100.0 * (loggedMedian - plainMedian) / plainMedian);
    if (options.workDir.empty()) fs::remove_all(work);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    BenchOptions options;
    CLI::App app{"Times training with and without logging every step to the experiments database"};
    app.add_option("--config", options.config, "Training config (its data must be present)")
        ->capture_default_str();
    app.add_option("--steps", options.steps, "Optimizer steps per run")->capture_default_str();
    app.add_option("--runs", options.runs, "Runs of each kind (alternating)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--threads", options.threads, "Intra-op threads (0: the config's)")
        ->capture_default_str();
    app.add_option("--work", options.workDir, "Folder for the tokenizer and the database");
    CLI11_PARSE(app, argc, argv);
    try {
        return runBench(options);
    } catch (const std::exception& error) {
        return fail(error.what());
    }
}
