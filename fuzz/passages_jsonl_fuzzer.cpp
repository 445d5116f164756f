// A JSONL passage corpus ({"docid", "title", "text"} a line, MIRACL's layout) read by
// readPassagesJsonl; every passage it keeps must be findable by its docid.
#include <cstddef>
#include <cstdint>

#include "data/passage_corpus.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto path = fuzz::writeFile(fuzz::freshScratchDir(), "corpus.jsonl",
                                      {reinterpret_cast<const char*>(data), size});
    data::PassageCorpus corpus;
    if (!data::readPassagesJsonl(path.string(), corpus)) return 0;
    if (corpus.index.size() != corpus.passages.size() ||
        corpus.origins.size() != corpus.passages.size())
        fuzz::propertyFailed("index, origins and passages differ in size");
    for (std::size_t i = 0; i < corpus.passages.size(); ++i)
        if (corpus.index.at(corpus.passages[i].docno) != i)
            fuzz::propertyFailed("docid '" + corpus.passages[i].docno + "' indexed wrongly");
    return 0;
}
