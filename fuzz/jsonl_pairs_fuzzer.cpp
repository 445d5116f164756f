// Training items as JSONL ({"id", "lang", "query", "passage"[, "hard_negative"]} a line): up to
// two files read by buildJsonlPairs into mono and cross pairs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "data/jsonl_pairs.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto parts = fuzz::splitParts(data, size, 2);
    const auto& dir = fuzz::freshScratchDir();
    std::vector<std::string> files;
    for (std::size_t i = 0; i < parts.size(); ++i)
        files.push_back(fuzz::writeFile(dir, "train" + std::to_string(i) + ".jsonl", parts[i]));
    auto pool = data::buildJsonlPairs(files, data::PairKinds{});
    if (!pool) return 0;
    for (const data::LanguagePair& languages : pool.value().languagePairs())
        (void)pool.value().pairs(languages).size();
    return 0;
}
