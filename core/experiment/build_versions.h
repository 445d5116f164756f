#pragma once

#include <string>
#include <vector>

namespace mtrec::experiment {

/// One library the program was built with, and its version.
struct ComponentVersion {
    std::string name;     ///< e.g. "LibTorch"
    std::string version;  ///< e.g. "1.13.0"
};

/// The versions behind this build, for an About box and for bug reports: mTREC itself, LibTorch
/// (its headers), SentencePiece (the library built into .deps), SQLite and ICU (the libraries
/// loaded at run time), and the runs database's schema version this build writes.
std::vector<ComponentVersion> componentVersions();

}  // namespace mtrec::experiment
