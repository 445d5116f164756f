#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace mtrec {

/// An expected failure (bad file, bad config): a message that names the file and the place in it.
struct Error {
    std::string message;
};

/// Either a value or an Error. Readers and parsers return this instead of throwing; broken invariants
/// still throw. Accessing the wrong alternative is a programming error and throws std::logic_error.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return checkedValue(); }
    const T& value() const& { return const_cast<Result*>(this)->checkedValue(); }
    T&& value() && { return std::move(checkedValue()); }

    const Error& error() const {
        if (ok()) throw std::logic_error("Result::error() called on a value");
        return std::get<Error>(state_);
    }

private:
    T& checkedValue() {
        if (!ok()) throw std::logic_error("Result::value() called on an error: " + error().message);
        return std::get<T>(state_);
    }

    std::variant<T, Error> state_;
};

/// A Result for operations that produce nothing on success.
struct Done {};
using Status = Result<Done>;
inline Status success() { return Done{}; }

}  // namespace mtrec
