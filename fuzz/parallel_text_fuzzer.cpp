// Two plain-text files parallel line by line (Tatoeba's layout: query file, passage file), read by
// readParallelText.
#include <cstddef>
#include <cstdint>

#include "data/parallel_text.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto parts = fuzz::splitParts(data, size, 2);
    const auto& dir = fuzz::freshScratchDir();
    data::ParallelTextFiles files;
    files.queryFile = fuzz::writeFile(dir, "tatoeba.deu-eng.deu", parts[0]);
    files.passageFile =
        fuzz::writeFile(dir, "tatoeba.deu-eng.eng", parts.size() > 1 ? parts[1] : "");
    (void)data::readParallelText(files);
    return 0;
}
