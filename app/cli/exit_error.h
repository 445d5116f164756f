#pragma once

#include <stdexcept>
#include <string>

namespace mtrec::cli {

/// Thrown by a command's callback to end `mtrec` with one clear message on stderr and exit status 1.
class ExitError : public std::runtime_error {
public:
    explicit ExitError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace mtrec::cli
