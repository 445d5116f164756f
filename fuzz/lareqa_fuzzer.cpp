// LAReQA's SQuAD JSON with `sentences` and `sentence_breaks`: up to two language files (en.json,
// de.json), read as one parallel suite by the XQuAD-R and the LAReQA MLQA-R readers.
#include <cstddef>
#include <cstdint>

#include "data/lareqa_mlqa_r_reader.h"
#include "data/xquad_r_reader.h"
#include "fuzz_support.h"
#include "suite_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto parts = fuzz::splitParts(data, size, 2);
    const auto& dir = fuzz::freshScratchDir();
    const char* const names[] = {"en.json", "de.json"};
    for (std::size_t i = 0; i < parts.size(); ++i) fuzz::writeFile(dir, names[i], parts[i]);
    if (auto suite = data::readXquadR(dir.string(), {})) fuzz::checkSuite(suite.value());
    if (auto suite = data::readLareqaMlqaR(dir.string(), {})) fuzz::checkSuite(suite.value());
    return 0;
}
