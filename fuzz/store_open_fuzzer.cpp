// A damaged experiments database: the input's bytes as experiments.db, opened read-only through
// ExperimentStore::open and listed, then opened for writing (which migrates) and listed again.
// Every failure must be an error value, never a crash or an escaped exception.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "store/experiment_store.h"

namespace {

void readEverything(mtrec::store::ExperimentStore& store) {
    (void)store.experiments();
    auto runs = store.runs().list();
    if (!runs) return;
    for (const auto& listing : runs.value()) {
        const std::int64_t id = listing.run.id;
        (void)store.runs().get(id);
        (void)store.runs().notes(id);
        (void)store.results().matrix(id);
        (void)store.results().suites(id);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto path = fuzz::writeFile(fuzz::freshScratchDir(), "experiments.db",
                                      {reinterpret_cast<const char*>(data), size});
    store::StoreOptions readOnly;
    readOnly.mode = store::OpenMode::ReadOnly;
    if (auto store = store::ExperimentStore::open(path.string(), readOnly))
        readEverything(store.value());
    store::StoreOptions writable;
    writable.mode = store::OpenMode::ReadWrite;
    writable.busyTimeoutMs = 0;
    if (auto store = store::ExperimentStore::open(path.string(), writable))
        readEverything(store.value());
    return 0;
}
