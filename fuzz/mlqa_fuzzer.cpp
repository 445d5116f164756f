// MLQA's SQuAD-style files split into sentences with ICU: up to two languages
// (dev-context-en-question-en.json, dev-context-de-question-de.json) read by readMlqaR.
#include <cstddef>
#include <cstdint>

#include "data/mlqa_r_reader.h"
#include "fuzz_support.h"
#include "suite_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto parts = fuzz::splitParts(data, size, 2);
    const auto& dir = fuzz::freshScratchDir();
    const char* const names[] = {"dev-context-en-question-en.json",
                                 "dev-context-de-question-de.json"};
    for (std::size_t i = 0; i < parts.size(); ++i) fuzz::writeFile(dir, names[i], parts[i]);
    if (auto suite = data::readMlqaR(dir.string(), {})) fuzz::checkSuite(suite.value());
    return 0;
}
