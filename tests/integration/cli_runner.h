#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace mtrec::test {

struct CommandResult {
    int exitCode = -1;
    std::string output;  ///< stdout and stderr together.
};

/// Runs the mtrec executable with `args` (each passed as one argument, shell-quoted) and captures
/// its output; in `workingDir` when it is not empty.
CommandResult runMtrec(const std::vector<std::string>& args, const std::string& workingDir = "");

/// Starts `mtrec args...` as a child process with the environment variables `env` set and its
/// output (stdout and stderr) in `log`; returns its pid (-1 when fork fails). No shell is involved.
/// A `fileSizeLimit` above 0 caps every file the child writes at that many bytes (`ulimit -f`):
/// a full disk, as the child sees it.
pid_t spawnMtrec(const std::vector<std::string>& args,
                 const std::vector<std::pair<std::string, std::string>>& env,
                 const std::filesystem::path& log, std::uintmax_t fileSizeLimit = 0);

/// Reads a CSV file written by mtrec into rows of fields (RFC 4180, no embedded newlines expected).
std::vector<std::vector<std::string>> readCsv(const std::string& path);

}  // namespace mtrec::test
