#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/json_document.h"
#include "common/json_value.h"

namespace mtrec::data {

struct SquadAnswer {
    std::size_t start = 0;  ///< answer_start in code points (a Python str index), < context length
    JsonValue startNode;    ///< where answer_start is, for later errors
};

struct SquadQuestion {
    std::string id;
    std::string text;
    std::vector<SquadAnswer> answers;  ///< at least one
};

struct SquadParagraph {
    std::string context;
    std::size_t contextLength = 0;  ///< in code points
    std::vector<SquadQuestion> questions;
    JsonValue
        node;  ///< the paragraph object, for format-specific fields (LAReQA's sentence_breaks)
};

/// Reads the SQuAD v1.1 layout shared by XQuAD, XQuAD-R and MLQA:
/// $.data[].paragraphs[] = {context, qas[] = {id, question, answers[] = {answer_start, ...}}},
/// paragraphs in file order across articles. Errors name the file and JSON path: missing keys,
/// wrong types, a question without answers, answer_start outside the context, and an id used twice
/// in the file (naming both places).
Result<std::vector<SquadParagraph>> readSquadParagraphs(const JsonDocument& document);

}  // namespace mtrec::data
