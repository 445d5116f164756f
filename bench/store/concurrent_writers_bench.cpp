// Several training processes writing one experiments database while a viewer reads it (issue 12,
// item 4). Measured, never asserted.
//
// `--writers` child processes each open the store as `mtrec train` does, create and start a run,
// and write `--steps` steps through the MetricsWriter (one step metric and one telemetry row per
// step), flushing every `--flush-every` steps as the trainer flushes before each checkpoint, with a
// heartbeat at each flush; then finish the run. They write as fast as they can, so the numbers are
// the store's ceiling, not a training's pace. Meanwhile this process follows the store like the
// workbench (the change log, each changed run's record and new curve points, every 20 ms) and
// times each poll. Prints the step rows written per second (all writers, start to last exit), the
// rows missing at the end (should be 0), and the reader's slowest poll.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "store/experiment_store.h"

namespace {

namespace fs = std::filesystem;
using namespace mtrec;
using Timer = std::chrono::steady_clock;

struct BenchOptions {
    int writers = 4;
    int steps = 2000;
    int flushEvery = 10;
    std::string db;  ///< empty: a fresh file in a temporary folder, removed after
};

/// One writer process's work; returns its exit code (0: every row written and the run finished).
int writeOneRun(const BenchOptions& options, int writer) {
    Result<store::ExperimentStore> opened = store::ExperimentStore::open(options.db);
    if (!opened) {
        std::fprintf(stderr, "writer %d: %s\n", writer, opened.error().message.c_str());
        return 1;
    }
    store::ExperimentStore& store = opened.value();
    store::NewRun run;
    run.name = "writer-" + std::to_string(writer);
    run.strategy = "hybrid";
    run.seed = writer;
    run.configJson = "{}";
    Result<std::int64_t> id = store.runs().create(run);
    Status status = id ? store.runs().start(id.value()) : Status(id.error());
    auto metrics = store.metricsWriter(id ? id.value() : 0, std::size_t(-1));
    for (int step = 1; status && step <= options.steps; ++step) {
        store::StepMetric metric;
        metric.step = step;
        metric.loss = 1.0 / step;
        status = metrics->add(metric);
        store::BatchTelemetry telemetry{step, "mono", "", std::string("en"), std::string("en"), 8};
        if (status) status = metrics->add(telemetry);
        if (status && (step % options.flushEvery == 0 || step == options.steps))
            status = metrics->flush();
        if (status && step % options.flushEvery == 0) status = store.runs().heartbeat(id.value());
    }
    if (status) status = store.runs().finish(id.value());
    if (!status) std::fprintf(stderr, "writer %d: %s\n", writer, status.error().message.c_str());
    return status ? 0 : 1;
}

struct ReaderStats {
    int polls = 0;
    int errors = 0;
    double worstMs = 0.0;
};

/// One poll as the workbench follows other writers; counts its failures.
void poll(store::ExperimentStore& store, std::int64_t& version,
          std::map<std::int64_t, std::int64_t>& lastStep, ReaderStats& stats) {
    Result<store::StoreChanges> changes = store.changes().since(version);
    if (!changes) {
        ++stats.errors;
        std::fprintf(stderr, "reader: %s\n", changes.error().message.c_str());
        return;
    }
    version = changes.value().version;
    for (std::int64_t id : changes.value().runIds) {
        if (!store.runs().get(id)) ++stats.errors;
        auto curves = store.trainingLog().curves(id, lastStep.count(id) ? lastStep[id] : -1);
        if (!curves) ++stats.errors;
        if (curves && !curves.value().steps.empty()) lastStep[id] = curves.value().steps.back();
    }
}

/// Waits for every child, polling the store meanwhile; returns how many failed.
int followUntilDone(const BenchOptions& options, std::vector<pid_t> children, ReaderStats& stats) {
    Result<store::ExperimentStore> opened = store::ExperimentStore::open(options.db);
    if (!opened) ++stats.errors;
    std::int64_t version = 0;
    std::map<std::int64_t, std::int64_t> lastStep;
    int failed = 0;
    while (!children.empty()) {
        if (opened) {
            const Timer::time_point start = Timer::now();
            poll(opened.value(), version, lastStep, stats);
            const double ms =
                std::chrono::duration<double, std::milli>(Timer::now() - start).count();
            stats.worstMs = std::max(stats.worstMs, ms);
            ++stats.polls;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        for (auto it = children.begin(); it != children.end();) {
            int status = 0;
            if (::waitpid(*it, &status, WNOHANG) != *it) {
                ++it;
                continue;
            }
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failed;
            it = children.erase(it);
        }
    }
    return failed;
}

std::int64_t stepRows(const std::string& db) {
    store::StoreOptions options;
    options.mode = store::OpenMode::ReadOnly;
    Result<store::ExperimentStore> store = store::ExperimentStore::open(db, options);
    if (!store) return -1;
    store::Statement count = store.value().database().prepare("SELECT count(*) FROM step_metrics");
    count.step();
    return count.int64(0);
}

}  // namespace

int main(int argc, char** argv) {
    BenchOptions options;
    CLI::App app{"Write throughput and reader stalls of concurrent writers on one database"};
    app.add_option("--writers", options.writers, "Writer processes")->check(CLI::PositiveNumber);
    app.add_option("--steps", options.steps, "Steps each writer logs")->check(CLI::PositiveNumber);
    app.add_option("--flush-every", options.flushEvery, "Steps per write transaction")
        ->check(CLI::PositiveNumber);
    app.add_option("--db", options.db, "Database to write (default: a new temporary file)");
    CLI11_PARSE(app, argc, argv);
    fs::path temporary;
    if (options.db.empty()) {
        temporary = fs::temp_directory_path() / ("mtrec-concurrent-" + std::to_string(::getpid()));
        fs::create_directories(temporary);
        options.db = (temporary / "bench.db").string();
    }

    const Timer::time_point start = Timer::now();
    std::vector<pid_t> children;
    for (int writer = 0; writer < options.writers; ++writer) {
        const pid_t child = ::fork();
        if (child == 0) _exit(writeOneRun(options, writer));
        children.push_back(child);
    }
    ReaderStats reader;
    const int failed = followUntilDone(options, children, reader);
    const double seconds = std::chrono::duration<double>(Timer::now() - start).count();
    const std::int64_t expected = std::int64_t(options.writers) * options.steps;
    const std::int64_t written = stepRows(options.db);

    std::printf("writers=%d steps_per_writer=%d flush_every=%d failed_writers=%d\n",
                options.writers, options.steps, options.flushEvery, failed);
    std::printf("step_rows=%lld lost_rows=%lld wall_s=%.2f step_rows_per_s=%.0f\n",
                static_cast<long long>(written), static_cast<long long>(expected - written),
                seconds, written / seconds);
    std::printf("reader_polls=%d reader_errors=%d reader_worst_stall_ms=%.1f\n", reader.polls,
                reader.errors, reader.worstMs);
    if (!temporary.empty()) fs::remove_all(temporary);
    return failed == 0 && reader.errors == 0 && written == expected ? 0 : 1;
}
