#pragma once

#include <optional>
#include <string>

namespace mtrec::data {

/// One (query, passage) training example of a dual encoder. Parallel versions of one question (or
/// one translated sentence) share `groupId`: they must never meet in one batch, where each would be
/// a false in-batch negative of the other. A pair is monolingual when queryLang == passageLang and
/// cross-lingual otherwise. Language codes are the data's own ("en", or "eng" for Tatoeba files).
struct TrainingPair {
    std::string groupId;
    std::string queryLang;
    std::string passageLang;
    std::string query;
    std::string passage;
    /// A passage in passageLang that looks related but does not answer the query (for QA pairs: a
    /// neighbouring sentence of the answer's paragraph); an extra candidate column in the loss.
    std::optional<std::string> hardNegative;

    bool monolingual() const { return queryLang == passageLang; }
};

}  // namespace mtrec::data
