// A .safetensors file opened by SafetensorsFile::open, then every tensor its header lists read
// (and converted to float where it is floating-point). open() must refuse any header whose
// tensors the file cannot hold, so no read allocates more than the file's size.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "model/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto path = fuzz::writeFile(fuzz::freshScratchDir(), "model.safetensors",
                                      {reinterpret_cast<const char*>(data), size});
    auto file = model::SafetensorsFile::open(path.string());
    if (!file) return 0;
    for (const model::SafetensorsEntry& entry : file.value().entries()) {
        if (entry.end > size) fuzz::propertyFailed("tensor '" + entry.name + "' past the file");
        auto tensor = file.value().read(entry.name);
        if (!tensor) fuzz::propertyFailed("tensor '" + entry.name + "' listed but unreadable");
        (void)file.value().readFloat(entry.name);
    }
    return 0;
}
