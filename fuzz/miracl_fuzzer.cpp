// MIRACL's files for one language: topics TSV, qrels TSV and corpus JSONL (three parts, in that
// order), read by readMiracl.
#include <cstddef>
#include <cstdint>

#include "data/miracl_reader.h"
#include "fuzz_support.h"
#include "suite_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto parts = fuzz::splitParts(data, size, 3);
    const auto& dir = fuzz::freshScratchDir();
    const char* const names[] = {"topics/topics.miracl-v1.0-sw-dev.tsv",
                                 "qrels/qrels.miracl-v1.0-sw-dev.tsv", "corpus/sw.jsonl"};
    for (std::size_t i = 0; i < parts.size(); ++i) fuzz::writeFile(dir, names[i], parts[i]);
    if (auto suite = data::readMiracl(dir.string(), {})) fuzz::checkSuite(suite.value());
    return 0;
}
