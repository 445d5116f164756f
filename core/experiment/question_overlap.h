#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "common/result.h"

namespace mtrec::experiment {

/// How many questions of an evaluation set also occur in a training set, by SQuAD question id
/// (MLQA and LAReQA's MLQA-R share MLQA's ids across languages and files).
struct QuestionOverlap {
    std::size_t evaluationQuestions = 0;  ///< distinct ids in the evaluation files
    std::size_t shared = 0;               ///< of those, ids that the training files hold too
};

/// Reads the question ids of SQuAD-layout files ($.data[].paragraphs[].qas[].id) on both sides.
/// Errors name the file and the JSON path.
Result<QuestionOverlap> questionOverlap(const std::vector<std::filesystem::path>& trainingFiles,
                                        const std::vector<std::filesystem::path>& evaluationFiles);

/// The *.json files directly in `folder`, sorted; none when it is not a folder.
std::vector<std::filesystem::path> jsonFilesIn(const std::filesystem::path& folder);

}  // namespace mtrec::experiment
