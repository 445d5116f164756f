#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace mtrec::test {

/// A tiny parallel QA corpus for training tests: 20 questions ("What is the capital of X?") in en,
/// de and es, one two-sentence paragraph each (the answer in the first sentence), written as MLQA
/// dev files (dev-context-L-question-L.json, SQuAD v1.1 layout) into `folder`. Question ids are
/// shared across languages.
void writeTinyQaCorpus(const std::filesystem::path& folder);

/// Number of questions (and paragraphs) per language in writeTinyQaCorpus.
inline constexpr int kTinyQuestions = 20;

/// A version-1 training config over that corpus in `qaFolder` (the CLI resolves relative paths
/// against its working folder, so tests give absolute ones):
/// hybrid (alpha 0.5), batch 8, 40 steps at lr 0.003, a checkpoint every 10 steps, a SentencePiece
/// model of 120 pieces, a one-layer encoder of hidden size 32 without dropout, one thread,
/// evaluation on mlqa-r over the same files (allow_overlap: the run is recorded as contaminated).
/// Tests change keys before writing it.
nlohmann::json tinyTrainingConfig(const std::filesystem::path& qaFolder);

}  // namespace mtrec::test
