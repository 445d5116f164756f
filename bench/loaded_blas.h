#pragma once

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace mtrec::bench {

/// The BLAS libraries mapped into this process, space-separated: which libblas.so.3 the loader
/// took (Debian's alternative, or the folder LD_LIBRARY_PATH put first). Printed beside a timing
/// so a reader sees which BLAS the C++ side ran on.
inline std::string loadedBlas() {
    std::ifstream maps("/proc/self/maps");
    std::set<std::string> paths;
    for (std::string line; std::getline(maps, line);) {
        const std::size_t slash = line.rfind('/');
        if (slash != std::string::npos && line.find("blas", slash) != std::string::npos)
            paths.insert(line.substr(line.find('/')));
    }
    std::ostringstream joined;
    for (const std::string& path : paths) joined << (joined.tellp() > 0 ? " " : "") << path;
    return paths.empty() ? "none mapped" : joined.str();
}

}  // namespace mtrec::bench
