#include "fuzz_support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <system_error>

#include <unistd.h>

namespace mtrec::fuzz {

std::vector<std::string_view> splitParts(const std::uint8_t* data, std::size_t size,
                                         std::size_t maxParts) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < maxParts) {
        const std::size_t at = rest.find(kPartSeparator);
        if (at == std::string_view::npos) break;
        parts.push_back(rest.substr(0, at));
        rest.remove_prefix(at + kPartSeparator.size());
    }
    parts.push_back(rest);
    return parts;
}

namespace {

struct ScratchDir {
    ScratchDir() {
        path =
            std::filesystem::temp_directory_path() / ("mtrec-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    std::filesystem::path path;
};

}  // namespace

const std::filesystem::path& freshScratchDir() {
    static ScratchDir scratch;
    for (const auto& entry : std::filesystem::directory_iterator(scratch.path))
        std::filesystem::remove_all(entry.path());
    return scratch.path;
}

std::filesystem::path writeFile(const std::filesystem::path& folder, const std::string& name,
                                std::string_view bytes) {
    const std::filesystem::path path = folder / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
    return path;
}

void propertyFailed(const std::string& what) {
    std::fprintf(stderr, "fuzz: property failed: %s\n", what.c_str());
    std::abort();
}

}  // namespace mtrec::fuzz
