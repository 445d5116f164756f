// Benchmark (measured, never asserted): the full XQuAD-R BM25 evaluation — 121 Mo/Cr pairs, Mul and
// the language bias — wall time per phase and peak RSS. Optionally exports TREC files and writes
// the per-pair means as pairs.csv (suite,query_lang,cand_lang,setting,metric,value), the same
// layout as `mtrec eval`, for bench/eval/check_against_trec_eval.sh.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>

#include "bench_util.h"
#include "data/xquad_r_reader.h"
#include "eval/bm25_scorer.h"

namespace {

using namespace mtrec;

bool writePairsCsv(const std::string& path, const eval::SuiteEvaluation& evaluation) {
    std::ofstream out(path);
    out << "suite,query_lang,cand_lang,setting,metric,value\n";
    char value[32];
    for (const eval::CellResult& cell : evaluation.cells)
        for (eval::Metric metric : eval::kAllMetrics) {
            std::snprintf(value, sizeof value, "%.9g", cell.mean[eval::metricIndex(metric)]);
            out << evaluation.suite << ',' << cell.queryLanguage << ',' << cell.candidateLanguage
                << ',' << eval::settingName(cell.setting) << ',' << eval::trecName(metric) << ','
                << value << '\n';
        }
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"XQuAD-R BM25 evaluation benchmark"};
    std::string data = "../shared/datasets/xquad-r/xquad-r";
    std::vector<std::string> languages;
    std::string trecDir, pairsCsv;
    std::size_t depth = 100;
    int threads = 2;
    app.add_option("--data", data, "Folder holding <lang>.json of XQuAD-R");
    app.add_option("--languages", languages, "Language codes (default: every file)")
        ->delimiter(',');
    app.add_option("--threads", threads, "Threads");
    app.add_option("--trec", trecDir, "Export TREC qrels/runs to this folder");
    app.add_option("--depth", depth, "Documents per query in exported runs (0 = all)");
    app.add_option("--pairs", pairsCsv, "Write per-cell means to this CSV");
    CLI11_PARSE(app, argc, argv);

    auto start = std::chrono::steady_clock::now();
    auto suite = data::readXquadR(data, languages);
    if (!suite) {
        std::fprintf(stderr, "%s\n", suite.error().message.c_str());
        return 1;
    }
    const double readSeconds = bench::secondsSince(start);
    start = std::chrono::steady_clock::now();
    auto scorer = eval::Bm25Scorer::create(suite.value(), {}, threads);
    if (!scorer) {
        std::fprintf(stderr, "%s\n", scorer.error().message.c_str());
        return 1;
    }
    const double analyseSeconds = bench::secondsSince(start);
    eval::EvaluationOptions options;
    options.threads = threads;
    if (!trecDir.empty()) options.trecExportDir = trecDir;
    options.trecDepth = depth;
    const double cpuStart = bench::cpuSeconds();
    start = std::chrono::steady_clock::now();
    auto evaluation = eval::evaluateSuite(suite.value(), *scorer.value(), options);
    const double evaluateSeconds = bench::secondsSince(start);
    const double evaluateCpu = bench::cpuSeconds() - cpuStart;
    if (!evaluation) {
        std::fprintf(stderr, "%s\n", evaluation.error().message.c_str());
        return 1;
    }
    const eval::EvaluationTimings& t = evaluation.value().timings;
    std::size_t queries = 0, candidates = 0;
    for (const data::LanguageData& language : suite.value().languages) {
        queries += language.queries.size();
        candidates += language.candidates.size();
    }
    std::printf("XQuAD-R BM25: %zu languages, %zu queries, %zu candidates, %d threads\n",
                suite.value().languages.size(), queries, candidates, threads);
    std::printf("read suite           %8.3f s\n", readSeconds);
    std::printf("ICU analysis         %8.3f s\n", analyseSeconds);
    std::printf(
        "evaluateSuite        %8.3f s  (scoring+indexes %.3f, ranking+metrics %.3f, export %.3f)\n",
        evaluateSeconds, t.scoringSeconds, t.rankingSeconds, t.exportSeconds);
    std::printf("evaluateSuite CPU    %8.3f s  (all threads)\n", evaluateCpu);
    std::printf("total wall           %8.3f s\n", readSeconds + analyseSeconds + evaluateSeconds);
    std::printf("peak RSS             %8.1f MiB\n", bench::peakRssMiB());
    bench::printSummary(evaluation.value());
    if (!pairsCsv.empty() && !writePairsCsv(pairsCsv, evaluation.value())) {
        std::fprintf(stderr, "could not write %s\n", pairsCsv.c_str());
        return 1;
    }
    return 0;
}
