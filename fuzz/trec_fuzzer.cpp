// TREC qrels and run files (two parts: qrels, run) read by readTrecQrels and readTrecRun, then
// evaluated like trec_eval: every measure of every query must lie in [0, 1].
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/trec_files.h"
#include "eval/trec_evaluator.h"
#include "fuzz_support.h"

namespace {

void checkMeasures(const std::string& qid, const mtrec::eval::MetricValues& values) {
    for (const double value : values)
        if (!(value >= 0.0 && value <= 1.0))
            mtrec::fuzz::propertyFailed("query '" + qid + "': a measure of " +
                                        std::to_string(value));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto parts = fuzz::splitParts(data, size, 2);
    const auto& dir = fuzz::freshScratchDir();
    auto qrels = data::readTrecQrels(fuzz::writeFile(dir, "qrels.txt", parts[0]).string());
    auto run = data::readTrecRun(
        fuzz::writeFile(dir, "run.txt", parts.size() > 1 ? parts[1] : "").string());
    if (!qrels || !run) return 0;
    for (const bool complete : {false, true}) {
        auto evaluation = eval::evaluateRun(qrels.value(), run.value(), {complete});
        if (!evaluation) continue;
        for (const auto& [qid, values] : evaluation.value().perQuery) checkMeasures(qid, values);
        checkMeasures("(mean)", evaluation.value().mean);
    }
    return 0;
}
