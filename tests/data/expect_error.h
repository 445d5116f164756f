#pragma once

#include <initializer_list>
#include <string>

#include <gtest/gtest.h>

#include "common/result.h"

namespace mtrec::test {

/// Asserts that `result` failed and that its message contains every one of `parts` (the file, the
/// place in it, the reason), printing the whole message when one is missing.
template <typename T>
void expectError(const Result<T>& result, std::initializer_list<std::string> parts) {
    ASSERT_FALSE(result.ok()) << "expected an error";
    for (const std::string& part : parts)
        EXPECT_NE(result.error().message.find(part), std::string::npos)
            << "message '" << result.error().message << "' lacks '" << part << "'";
}

}  // namespace mtrec::test
