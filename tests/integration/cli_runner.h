#pragma once

#include <string>
#include <vector>

namespace mtrec::test {

struct CommandResult {
    int exitCode = -1;
    std::string output;  ///< stdout and stderr together.
};

/// Runs the mtrec executable with `args` (each passed as one argument, shell-quoted) and captures
/// its output; in `workingDir` when it is not empty.
CommandResult runMtrec(const std::vector<std::string>& args, const std::string& workingDir = "");

/// Reads a CSV file written by mtrec into rows of fields (RFC 4180, no embedded newlines expected).
std::vector<std::vector<std::string>> readCsv(const std::string& path);

}  // namespace mtrec::test
