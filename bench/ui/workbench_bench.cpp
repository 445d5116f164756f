// The workbench's numbers (issue: GUI event-loop latency while a run trains, opening a database of
// 1,000 runs, drawing an 11 × 12 heatmap, a 2-group compare with significance). Measured, never
// asserted. Run offscreen:
//   QT_QPA_PLATFORM=offscreen build/bench/ui/mtrec_workbench_bench [--train-seconds 20]
// (--open-only: only the database openings, no compare and no training).
// The latency part trains resources/configs/demo-hybrid.json in a child `mtrec` (the queue's way)
// and records how late a 10 ms timer fires on the GUI thread meanwhile.

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include "app_settings.h"
#include "charts/heatmap_view.h"
#include "compare_view.h"
#include "experiment/training_config.h"
#include "grid_heatmaps.h"
#include "main_window.h"
#include "run_queue.h"
#include "run_row.h"
#include "store/experiment_store.h"

using namespace mtrec;

namespace {

const char* const kLanguages[] = {"ar", "de", "el", "en", "es", "hi", "ru", "th", "tr", "vi", "zh"};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return NAN;
    std::sort(values.begin(), values.end());
    return values[std::size_t(p * double(values.size() - 1))];
}

double median(std::vector<double> values) {
    return percentile(std::move(values), 0.5);
}

/// One run's XQuAD-R-shaped results: 121 Mo/Cr cells and 11 Mul cells with summaries, and the
/// per-query AP of `queries` queries in every cell (values drawn from `rng`, shifted by `shift`);
/// each Mul query's rank distance (1 to 40) with its language's mean and the overall mean.
void recordRun(store::ExperimentStore& store, std::int64_t run, int queries, double shift,
               std::mt19937_64& rng) {
    std::uniform_real_distribution<double> ap(0.0, 1.0);
    std::vector<store::EvalCell> cells;
    std::vector<store::PerQueryValue> perQuery;
    const auto addCell = [&](eval::Setting setting, const std::string& q, const std::string& c) {
        const store::CellKey key{"xquad-r", setting, q, c};
        double sum = 0.0;
        for (int i = 0; i < queries; ++i) {
            const double value = std::clamp(ap(rng) * 0.5 + shift, 0.0, 1.0);
            sum += value;
            perQuery.push_back({key, eval::Metric::Map, "q" + std::to_string(i), value});
        }
        cells.push_back({key, eval::Metric::Map, sum / queries, "map", queries});
    };
    std::uniform_int_distribution<int> distance(1, 40);
    const auto addRankDistances = [&](const std::string& q) {
        const store::CellKey key{"xquad-r", eval::Setting::Mul, q, "all"};
        double sum = 0.0;
        for (int i = 0; i < queries; ++i) {
            const double value = distance(rng);
            sum += value;
            perQuery.push_back(
                {key, store::BiasMeasure::RankDistance, "q" + std::to_string(i), value});
        }
        cells.push_back({key, store::BiasMeasure::RankDistance, sum / queries, "rd", queries});
    };
    for (const char* q : kLanguages) {
        for (const char* c : kLanguages)
            addCell(std::string(q) == c ? eval::Setting::Mo : eval::Setting::Cr, q, c);
        addCell(eval::Setting::Mul, q, "all");
        addRankDistances(q);
    }
    for (eval::Setting s : {eval::Setting::Mo, eval::Setting::Cr, eval::Setting::Mul})
        cells.push_back(
            {{"xquad-r", s, "all", "all"}, eval::Metric::Map, 0.3, "macro", std::nullopt});
    cells.push_back({{"xquad-r", eval::Setting::Mul, "all", "all"},
                     store::BiasMeasure::RankDistance,
                     20.5,
                     "rd",
                     std::nullopt});
    if (!store.results().record(run, cells, perQuery).ok()) std::fprintf(stderr, "record failed\n");
}

std::int64_t addRun(store::ExperimentStore& store, const std::string& name, int seed,
                    const std::string& config) {
    store::NewRun run;
    run.name = name;
    run.strategy = "hybrid";
    run.seed = seed;
    run.configJson = config;
    return store.runs().create(run).value();
}

/// A run's config: none ("{}"), or with `seedGroups` one of 334 configs that differ by their
/// learning rate, three seeds each (the runs tree's groups).
std::string thousandRunsConfig(int i, bool seedGroups) {
    if (!seedGroups) return "{}";
    return "{\"seed\":" + std::to_string(i % 3) +
           ",\"strategy\":{\"name\":\"hybrid\",\"alpha\":0.5},\"optimizer\":{\"steps\":1000,"
           "\"lr\":" +
           std::to_string(1e-4 * (1 + i / 3)) + "}}";
}

void openThousandRuns(const QTemporaryDir& dir, bool seedGroups) {
    const QString path =
        dir.filePath(seedGroups ? QStringLiteral("grouped.db") : QStringLiteral("thousand.db"));
    {
        auto store = store::ExperimentStore::open(path.toStdString()).value();
        std::mt19937_64 rng(1);
        for (int i = 0; i < 1000; ++i) {
            const std::int64_t run =
                addRun(store, "run " + std::to_string(i), i % 3, thousandRunsConfig(i, seedGroups));
            std::vector<store::EvalCell> summaries;
            for (eval::Setting s : {eval::Setting::Mo, eval::Setting::Cr, eval::Setting::Mul})
                summaries.push_back({{"xquad-r", s, "all", "all"},
                                     eval::Metric::Map,
                                     0.01 * (i % 50),
                                     "macro",
                                     std::nullopt});
            static_cast<void>(store.results().record(run, summaries));
        }
    }
    std::vector<double> times;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer clock;
        clock.start();
        auto store = store::ExperimentStore::open(path.toStdString()).value();
        auto settings = std::make_shared<ui::AppSettings>(dir.filePath(QStringLiteral("s.ini")));
        ui::MainWindow window(std::make_unique<store::ExperimentStore>(std::move(store)), settings);
        window.resize(1280, 800);
        window.show();
        QApplication::processEvents();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("%s median=%.1f (5 rounds: open, build the window, list, show)\n",
                seedGroups ? "open_1000_runs_in_334_seed_groups_ms" : "open_1000_runs_ms",
                median(times));
}

/// 1,000 runs trained on seven of XQuAD-R's eleven languages (demo-hybrid.json's config with its
/// data.languages changed), each with the Mo/Cr/Mul mAP cells, rank distances and summaries of all
/// eleven: what the runs tree's seen/unseen columns read, one run at a time.
void openThousandTrainedRuns(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("trained.db"));
    {
        auto parsed =
            experiment::readTrainingConfig(MTREC_SOURCE_DIR "/resources/configs/demo-hybrid.json");
        experiment::TrainingConfig config = parsed.value().config;
        config.data.languages = {"ar", "de", "en", "es", "hi", "vi", "zh"};
        auto store = store::ExperimentStore::open(path.toStdString()).value();
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> value(0.0, 1.0);
        for (int i = 0; i < 1000; ++i) {
            config.seed = std::uint64_t(i % 3);
            config.optimizer.lr = 1e-4 * (1 + i / 3);
            const std::int64_t run =
                addRun(store, "run " + std::to_string(i), i % 3, experiment::toJson(config).dump());
            std::vector<store::EvalCell> cells;
            const auto add = [&](eval::Setting s, const char* q, const char* c, store::Measure m,
                                 double v) {
                cells.push_back({{"xquad-r", s, q, c}, m, v, "bench", 1190});
            };
            for (const char* q : kLanguages) {
                for (const char* c : kLanguages)
                    add(std::string(q) == c ? eval::Setting::Mo : eval::Setting::Cr, q, c,
                        eval::Metric::Map, value(rng));
                add(eval::Setting::Mul, q, "all", eval::Metric::Map, value(rng));
                add(eval::Setting::Mul, q, "all", store::BiasMeasure::RankDistance,
                    100 * value(rng));
            }
            for (eval::Setting s : {eval::Setting::Mo, eval::Setting::Cr, eval::Setting::Mul})
                add(s, "all", "all", eval::Metric::Map, 0.3);
            static_cast<void>(store.results().record(run, cells));
        }
    }
    auto store = store::ExperimentStore::open(path.toStdString()).value();
    std::vector<double> rows;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer clock;
        clock.start();
        static_cast<void>(ui::readRunRows(store));
        rows.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf(
        "read_1000_trained_run_rows_ms median=%.1f (5 rounds: readRunRows, the seen/unseen Cr "
        "and Mul of 132 cells a run included)\n",
        median(rows));
    std::vector<double> times;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer clock;
        clock.start();
        auto opened = store::ExperimentStore::open(path.toStdString()).value();
        auto settings = std::make_shared<ui::AppSettings>(dir.filePath(QStringLiteral("s.ini")));
        ui::MainWindow window(std::make_unique<store::ExperimentStore>(std::move(opened)),
                              settings);
        window.resize(1280, 800);
        window.show();
        QApplication::processEvents();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("open_1000_trained_runs_with_cells_ms median=%.1f (5 rounds)\n", median(times));
}

void heatmapAndCompare(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("compare.db"));
    auto store = store::ExperimentStore::open(path.toStdString()).value();
    std::mt19937_64 rng(7);
    std::vector<std::int64_t> a, b;
    for (int seed = 0; seed < 3; ++seed) {
        a.push_back(addRun(store, "hybrid", seed,
                           R"({"strategy":"hybrid","seed":)" + std::to_string(seed) + "}"));
        recordRun(store, a.back(), 1190, 0.05, rng);
        b.push_back(addRun(store, "multitask", seed,
                           R"({"strategy":"multitask","seed":)" + std::to_string(seed) + "}"));
        recordRun(store, b.back(), 1190, 0.0, rng);
    }
    ui::HeatmapView view;
    view.resize(1000, 800);
    view.show();
    std::vector<double> draw;
    for (int round = 0; round < 20; ++round) {
        QElapsedTimer clock;
        clock.start();
        auto grid = store.results().languageGrid(a.front(), "xquad-r", eval::Metric::Map);
        view.setData(
            ui::heatmapOfGrid(grid.value(), {QStringLiteral("run"), QStringLiteral("xquad-r")}));
        view.replot();
        draw.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("heatmap_11x12_ms median=%.1f max=%.1f (20 rounds: read the grid, map, draw)\n",
                median(draw), *std::max_element(draw.begin(), draw.end()));
    ui::CompareView compare;
    compare.resize(1000, 800);
    compare.show();
    compare.setSeedGroups(false);
    std::vector<double> times;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer clock;
        clock.start();
        auto results = store.results();
        auto grid = analysis::deltaGrid(results, a, b, "xquad-r", analysis::ComparisonOptions{});
        compare.heatmap()->setData(
            ui::heatmapOfDelta(grid.value(), QStringLiteral("A"), QStringLiteral("B")));
        compare.heatmap()->replot();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf(
        "compare_2_groups_ms median=%.1f (3 rounds: 2 groups x 3 runs, 132 cells x 1190 "
        "queries, 10,000 permutations + t-test + Holm, delta heatmap drawn)\n",
        median(times));
    compare.setSeedGroups(true);
    times.clear();
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer clock;
        clock.start();
        compare.showRuns(store, {a.front(), b.front()});
        compare.heatmap()->replot();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf(
        "compare_view_2_groups_ms median=%.1f (3 rounds: the whole Compare view — both groups' "
        "per-query AP and rank distances read once, the delta heatmap's 132 cell tests, the "
        "summary's 4 setting tests, the rank-distance bars)\n",
        median(times));
}

void latencyWhileTraining(const QTemporaryDir& dir, int seconds) {
    auto parsed =
        experiment::readTrainingConfig(MTREC_SOURCE_DIR "/resources/configs/demo-hybrid.json");
    experiment::TrainingConfig config = parsed.value().config;
    config.optimizer.steps = 100000;  // trains for as long as the measurement lasts
    auto store =
        store::ExperimentStore::open(dir.filePath(QStringLiteral("train.db")).toStdString())
            .value();
    auto settings = std::make_shared<ui::AppSettings>(dir.filePath(QStringLiteral("t.ini")));
    ui::MainWindow window(std::make_unique<store::ExperimentStore>(std::move(store)), settings);
    window.setTrainerProgram(QStringLiteral(MTREC_EXECUTABLE));
    window.resize(1280, 800);
    window.show();
    QList<qint64> ids;
    {
        experiment::TrainingConfig run = config;
        run.data.jsonlFiles = {MTREC_SOURCE_DIR "/resources/demo/train.jsonl"};
        run.evaluation.clear();
        ids = window.queueRuns({run});
    }
    std::vector<double> late;
    QElapsedTimer clock, total;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        if (clock.isValid()) late.push_back(double(clock.nsecsElapsed()) / 1e6 - 10.0);
        clock.restart();
    });
    int reports = 0;
    QObject::connect(window.runQueue(), &ui::RunQueue::progress, &tick, [&] { ++reports; });
    total.start();
    tick.start();
    while (total.elapsed() < seconds * 1000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    window.runQueue()->stopAndWait(30000);
    std::printf(
        "event_loop_lateness_ms p50=%.2f p99=%.2f max=%.1f (10 ms timer, %zu ticks, %d "
        "progress reports, %d s of training in a child)\n",
        percentile(late, 0.5), percentile(late, 0.99), *std::max_element(late.begin(), late.end()),
        late.size(), reports, seconds);
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    int seconds = 20;
    for (int i = 1; i + 1 < argc; ++i)
        if (QString::fromLatin1(argv[i]) == QLatin1String("--train-seconds"))
            seconds = std::atoi(argv[i + 1]);
    QTemporaryDir dir;
    openThousandRuns(dir, false);
    openThousandRuns(dir, true);
    openThousandTrainedRuns(dir);
    if (app.arguments().contains(QStringLiteral("--open-only"))) return 0;
    heatmapAndCompare(dir);
    latencyWhileTraining(dir, seconds);
    return 0;
}
