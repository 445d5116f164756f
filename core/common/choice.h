#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace mtrec {

/// One value of an enumeration a user picks from: its key (as written in JSON configs and on the
/// command line) and its display name (as a form or a table header shows it).
template <typename Value>
struct Choice {
    Value value;
    std::string key;
    std::string displayName;
};

template <typename Value>
using Choices = std::vector<Choice<Value>>;

/// The value whose key is `key`; nullopt for any other text.
template <typename Value>
std::optional<Value> parseChoice(const Choices<Value>& choices, const std::string& key) {
    for (const Choice<Value>& choice : choices)
        if (choice.key == key) return choice.value;
    return std::nullopt;
}

/// The entry of `value`; a value missing from `choices` is a programming error (std::logic_error).
template <typename Value>
const Choice<Value>& choiceOf(const Choices<Value>& choices, const Value& value) {
    for (const Choice<Value>& choice : choices)
        if (choice.value == value) return choice;
    throw std::logic_error("choice: a value without an entry");
}

/// The keys as a problem message lists them: "a, b or c".
template <typename Value>
std::string keyList(const Choices<Value>& choices) {
    std::string text;
    for (std::size_t i = 0; i < choices.size(); ++i)
        text += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i].key;
    return text;
}

}  // namespace mtrec
