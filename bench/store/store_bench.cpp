// Measures the experiment store at the scale DESIGN.md §11 names: 1,000 runs, each with a full
// XQuAD-R matrix (11 x 11 language pairs x 5 metrics, 11 Mul cells x 5, 3 setting summaries x 5 =
// 675 cells), per-query AP for a subset of runs (1190 queries x 121 pair cells each), and the
// batched step writer. Prints one line per measurement; nothing is asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "analysis/grid_analysis.h"
#include "analysis/run_comparison.h"
#include "store/experiment_store.h"

namespace {

using namespace mtrec::store;
using namespace mtrec::analysis;
using mtrec::eval::Setting;
namespace fs = std::filesystem;
using Timer = std::chrono::steady_clock;

const std::vector<std::string> kLanguages = {"ar", "de", "el", "en", "es", "hi",
                                             "ru", "th", "tr", "vi", "zh"};
const std::vector<mtrec::eval::Metric> kMetrics = {
    mtrec::eval::Metric::Map, mtrec::eval::Metric::RecipRank, mtrec::eval::Metric::Recall1,
    mtrec::eval::Metric::Recall10, mtrec::eval::Metric::NdcgCut10};
constexpr int kQueries = 1190;

double secondsSince(Timer::time_point start) {
    return std::chrono::duration<double>(Timer::now() - start).count();
}

std::vector<EvalCell> fullMatrix(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> value(0.2, 0.9);
    std::vector<EvalCell> cells;
    auto add = [&](Setting setting, const std::string& q, const std::string& c) {
        for (mtrec::eval::Metric m : kMetrics)
            cells.push_back({{"xquad-r", setting, q, c},
                             m,
                             value(rng),
                             "trec_eval 10 " + std::string(mtrec::eval::trecName(m)) +
                                 " over the whole ranking; pool=" + c + " candidates",
                             kQueries});
    };
    for (const std::string& q : kLanguages) {
        for (const std::string& c : kLanguages) add(q == c ? Setting::Mo : Setting::Cr, q, c);
        add(Setting::Mul, q, "all");
    }
    for (Setting s : {Setting::Mo, Setting::Cr, Setting::Mul}) add(s, "all", "all");
    return cells;
}

std::vector<std::string> makeQids(std::mt19937_64& rng) {
    std::vector<std::string> qids;
    for (int i = 0; i < kQueries; ++i) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%016llx%08x", static_cast<unsigned long long>(rng()),
                      static_cast<unsigned>(rng() & 0xffffffffu));
        qids.push_back(buffer);
    }
    return qids;
}

std::vector<PerQueryValue> perQueryAp(std::mt19937_64& rng, const std::vector<std::string>& qids) {
    std::uniform_int_distribution<int> rank(1, 20);
    std::vector<PerQueryValue> values;
    values.reserve(121 * qids.size());
    for (const std::string& q : kLanguages)
        for (const std::string& c : kLanguages)
            for (const std::string& qid : qids)
                values.push_back({{"xquad-r", q == c ? Setting::Mo : Setting::Cr, q, c},
                                  mtrec::eval::Metric::Map,
                                  qid,
                                  1.0 / rank(rng)});
    return values;
}

void check(const mtrec::Status& status) {
    if (!status) {
        std::fprintf(stderr, "error: %s\n", status.error().message.c_str());
        std::exit(1);
    }
}

template <typename T>
T take(mtrec::Result<T> result) {
    if (!result) {
        std::fprintf(stderr, "error: %s\n", result.error().message.c_str());
        std::exit(1);
    }
    return std::move(result).value();
}

std::uintmax_t sizeOf(const std::string& path) {
    std::uintmax_t total = 0;
    for (const char* suffix : {"", "-wal"})
        if (fs::exists(path + suffix)) total += fs::file_size(path + suffix);
    return total;
}

void populate(ExperimentStore& store, int runs, int perQueryRuns) {
    std::mt19937_64 rng(7);
    const std::vector<std::string> qids = makeQids(rng);
    const char* strategies[] = {"mono", "cross", "hybrid", "multitask", "mixed"};
    auto start = Timer::now();
    double perQuerySeconds = 0;
    for (int i = 0; i < runs; ++i) {
        NewRun run;
        run.strategy = strategies[i % 5];
        run.seed = i / 5;
        run.name = run.strategy + " alpha=0." + std::to_string(i % 10) + " seed " +
                   std::to_string(run.seed);
        run.configJson = R"({"strategy":")" + run.strategy + R"(","alpha":0.5,"seed":)" +
                         std::to_string(run.seed) + "}";
        const std::int64_t id = take(store.runs().create(run));
        check(store.runs().start(id));
        check(store.results().record(id, fullMatrix(rng)));
        if (i < perQueryRuns) {
            const auto t = Timer::now();
            check(store.results().record(id, {}, perQueryAp(rng, qids)));
            perQuerySeconds += secondsSince(t);
        }
        check(store.runs().finish(id));
    }
    const double total = secondsSince(start);
    std::printf("populate: %d runs x 675 cells in %.2f s (%.1f ms/run without per-query)\n", runs,
                total - perQuerySeconds, 1000 * (total - perQuerySeconds) / runs);
    if (perQueryRuns > 0)
        std::printf("populate: per-query AP, %d runs x %d rows in %.2f s (%.0f ms/run)\n",
                    perQueryRuns, 121 * kQueries, perQuerySeconds,
                    1000 * perQuerySeconds / perQueryRuns);
}

/// The GUI's polls and heatmaps: a run's grid, a 3-seed group grid, the change poll, the curves.
void measureViews(ExperimentStore& store, int runs, std::mt19937_64& rng) {
    const int loads = 100;
    ResultRepository results = store.results();
    auto t = Timer::now();
    std::size_t cells = 0;
    for (int i = 0; i < loads; ++i)
        cells = take(results.languageGrid(1 + static_cast<std::int64_t>(rng() % runs), "xquad-r",
                                          mtrec::eval::Metric::Map))
                    .cells.size();
    std::printf("language grid: %zu cells (11 x 12) of one run in %.2f ms (mean of %d)\n", cells,
                1000 * secondsSince(t) / loads, loads);
    t = Timer::now();
    for (int i = 0; i < loads; ++i)
        take(groupLanguageGrid(results, {1, 2, 3}, "xquad-r", mtrec::eval::Metric::Map));
    std::printf("seed-group grid: 3 runs in %.2f ms (mean of %d)\n", 1000 * secondsSince(t) / loads,
                loads);
    const std::int64_t version = take(store.changes().version());
    t = Timer::now();
    for (int i = 0; i < 1000; ++i) take(store.changes().since(version));
    std::printf("change poll: since(current version) in %.1f us (mean of 1000)\n",
                1e3 * secondsSince(t));
}

void measureReads(ExperimentStore& store, int runs) {
    auto t = Timer::now();
    ListOptions byName;
    byName.sortBy = RunSortKey::Name;
    byName.descending = true;
    std::vector<RunListing> listed = take(store.runs().list(byName));
    std::sort(listed.begin(), listed.end(), [](const RunListing& a, const RunListing& b) {
        const double ma = a.summary.empty() ? 0 : a.summary[0].value;
        const double mb = b.summary.empty() ? 0 : b.summary[0].value;
        return ma > mb;  // what a GUI does when the Mo column header is clicked
    });
    std::printf("list + sort: %zu runs with Mo/Cr/Mul summaries in %.1f ms\n", listed.size(),
                1000 * secondsSince(t));

    std::mt19937_64 rng(11);
    const int loads = 100;
    std::size_t cells = 0;
    t = Timer::now();
    for (int i = 0; i < loads; ++i)
        cells = take(store.results().matrix(1 + static_cast<std::int64_t>(rng() % runs))).size();
    std::printf("load matrix: %zu cells of one run in %.2f ms (mean of %d random runs)\n", cells,
                1000 * secondsSince(t) / loads, loads);
    measureViews(store, runs, rng);
}

void measurePerQuery(ExperimentStore& store, int perQueryRuns) {
    if (perQueryRuns < 2) return;
    auto t = Timer::now();
    const std::size_t rows = take(store.results().allPerQuery(1)).size();
    std::printf("load per-query: %zu rows of one run in %.1f ms\n", rows, 1000 * secondsSince(t));
    t = Timer::now();
    ResultRepository results = store.results();
    const Comparison c = take(compareRuns(results, {1}, {2}, ComparisonOptions{}));
    std::printf(
        "compare two runs: %zu cells x %d queries, 10,000 permutations + t-test + Holm in %.2f s\n",
        c.cells.size(), kQueries, secondsSince(t));
    t = Timer::now();
    const DeltaGrid grid = take(deltaGrid(results, {1}, {2}, "xquad-r", ComparisonOptions{}));
    std::printf("delta grid: %zu cells (11 x 12) of two runs with p-values in %.2f s\n",
                grid.cells.size(), secondsSince(t));
}

void measureStepWriter(ExperimentStore& store, std::size_t batchRows) {
    const std::int64_t id = take(store.runs().create(NewRun{"steps", "{}", "hybrid", 0, {}, ""}));
    check(store.runs().start(id));
    auto writer = store.metricsWriter(id, batchRows);
    const int steps = 10000;
    auto t = Timer::now();
    for (int s = 1; s <= steps; ++s) {
        check(writer->add(StepMetric{s, s / 1000.0, 1.0 / s, 3e-5, 480.0, std::nullopt}));
        check(writer->add(
            BatchTelemetry{s, s % 2 ? "mono" : "cross", "", "de", s % 2 ? "de" : "en", 100}));
    }
    check(writer->flush());
    const double seconds = secondsSince(t);
    t = Timer::now();
    const StepCurves curves = take(store.trainingLog().curves(id, steps - 100));
    std::printf("curves: the last %zu steps in %.2f ms\n", curves.steps.size(),
                1000 * secondsSince(t));
    std::printf(
        "step writer (batch %zu rows): 10,000 steps (metric + telemetry row each) in %.1f ms = "
        "%.1f us/step\n",
        batchRows, 1000 * seconds, 1e6 * seconds / steps);
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 1000, perQueryRuns = 20;
    std::string path = "store_bench.db";
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--per-query-runs") && i + 1 < argc)
            perQueryRuns = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            path = argv[++i];
        else if (!std::strcmp(argv[i], "--keep"))
            keep = true;
        else {
            std::fprintf(stderr, "usage: %s [--runs N] [--per-query-runs M] [--db PATH] [--keep]\n",
                         argv[0]);
            return 2;
        }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    {
        ExperimentStore store = take(ExperimentStore::open(path));
        populate(store, runs, std::min(perQueryRuns, runs));
        check(store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    const std::uintmax_t size = sizeOf(path);
    auto t = Timer::now();
    ExperimentStore store = take(ExperimentStore::open(path));
    std::printf("open: existing store (migration check + interrupted-run scan) in %.1f ms\n",
                1000 * secondsSince(t));
    measureReads(store, runs);
    measurePerQuery(store, std::min(perQueryRuns, runs));
    {  // size split from SQLite's page accounting (dbstat): per-query rows against everything else
        Statement pages = store.database().prepare(
            "SELECT sum(CASE WHEN name = 'per_query_results' THEN pgsize ELSE 0 END), sum(pgsize) "
            "FROM dbstat");
        pages.step();
        const double perQuery = static_cast<double>(pages.int64(0)),
                     all = static_cast<double>(pages.int64(1));
        std::printf(
            "size: %.1f MB file for %d runs; per-query AP %.1f MB (%.2f MB per run), the rest %.1f "
            "MB "
            "(%.1f kB per run)\n",
            size / 1e6, runs, perQuery / 1e6, perQueryRuns ? perQuery / 1e6 / perQueryRuns : 0.0,
            (all - perQuery) / 1e6, (all - perQuery) / 1e3 / runs);
        if (perQueryRuns > 0)
            std::printf(
                "size, extrapolated: %d runs all with per-query AP would take about %.1f GB\n",
                runs, ((all - perQuery) + perQuery / perQueryRuns * runs) / 1e9);
    }
    measureStepWriter(store, 256);
    measureStepWriter(store, 1);
    if (!keep)
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    return 0;
}
