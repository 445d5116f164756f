#pragma once

#include <type_traits>

#include "common/result.h"
#include "store/statement.h"

namespace mtrec::store {

/// Runs `body` and turns an SqlError it throws into an Error value, so store functions can use
/// throwing statements inside and still return expected failures as values. `body` returns a Result
/// or a value convertible to one of `R`.
template <typename R, typename Body>
R guarded(Body&& body) {
    try {
        return body();
    } catch (const SqlError& e) {
        return Error{e.what()};
    }
}

}  // namespace mtrec::store
