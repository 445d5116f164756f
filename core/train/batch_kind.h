#pragma once

#include <string>

namespace mtrec::train {

/// What a batch is, for the loss (its weight) and for telemetry (the realised mix against the
/// asked-for one). Every batch of every strategy carries one.
struct BatchKind {
    /// "mono", "cross" or "mixed"; for a multitask batch the task's kind: "mono", "cross" or
    /// "translation".
    std::string branch;
    /// The multitask task's name (e.g. "mono_qa"); empty for the other strategies.
    std::string task;
    /// The batch's query and candidate language, or kAnyLanguage when they vary per pair (a `cross`
    /// batch drawn per pair, a `mixed` batch).
    std::string queryLang;
    std::string candidateLang;
    /// Multiplies this batch's loss (multitask task weights); 1 otherwise.
    double lossWeight = 1.0;

    /// "mono en-en", "cross *-*", "translation/tatoeba deu-eng": for logs and progress lines.
    std::string label() const;

    friend bool operator==(const BatchKind& a, const BatchKind& b) {
        return a.branch == b.branch && a.task == b.task && a.queryLang == b.queryLang &&
               a.candidateLang == b.candidateLang && a.lossWeight == b.lossWeight;
    }
};

/// The language of a BatchKind whose pairs do not share one.
inline const std::string kAnyLanguage = "*";

}  // namespace mtrec::train
