#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/sentence_spans.h"

namespace mtrec::data {

/// One sentence found in a text: its UTF-8 text and its span in code points of the text.
struct SplitSentence {
    std::string text;
    SentenceSpan span;
};

/// Splits text into sentences with ICU's sentence BreakIterator for one locale; each segment is
/// stripped of surrounding white space (Unicode White_Space) and empty segments are dropped, so
/// spans are in order, not overlapping, and may leave gaps. Not thread-safe (holds one iterator):
/// use one splitter per thread. Movable, not copyable.
class SentenceSplitter {
public:
    /// `locale` is an ICU locale id such as "de" or "zh"; failing to create the iterator (no ICU
    /// data) is an Error naming the locale.
    static Result<SentenceSplitter> create(const std::string& locale);

    SentenceSplitter(SentenceSplitter&&) noexcept;
    SentenceSplitter& operator=(SentenceSplitter&&) noexcept;
    ~SentenceSplitter();

    /// `utf8` must be valid UTF-8 (throws std::invalid_argument otherwise).
    std::vector<SplitSentence> split(const std::string& utf8);

private:
    struct Impl;
    explicit SentenceSplitter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace mtrec::data
