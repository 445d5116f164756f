#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace mtrec::store {

/// Pair queries of one setting whose relevant candidate's score ties another candidate's, among
/// how many pair queries.
struct TiedQueries {
    std::int64_t tied = 0;
    std::int64_t queries = 0;
};

/// What says whether one query language's numbers of a run measure the model or an artefact: the
/// share of its text the tokenizer could only spell as <unk>, and the queries whose relevant rank
/// fell to the docno tie break. Read with ResultRepository::languageDiagnostics.
struct LanguageDiagnostics {
    std::string language;
    /// Share of <unk> among the tokens of its queries and candidates; nullopt for a run without a
    /// tokenizer (BM25) or recorded before diagnostics were.
    std::optional<double> unkShare;
    std::optional<TiedQueries> mo;   ///< the (X, X) cell
    std::optional<TiedQueries> cr;   ///< summed over the (X, Y != X) cells
    std::optional<TiedQueries> mul;  ///< the (X, all) cell
};

}  // namespace mtrec::store
