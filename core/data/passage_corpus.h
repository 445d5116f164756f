#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"

namespace mtrec::data {

/// Candidates read from JSONL passage files, one `{"docid", "title", "text"}` object a line
/// (MIRACL's corpus layout; `title` may be absent). docno = docid; text = title + " " + text, or
/// text alone when the title is absent or empty.
struct PassageCorpus {
    std::vector<Candidate> passages;
    std::unordered_map<std::string, std::size_t> index;  ///< docid -> position in passages
    std::vector<std::string> files;                      ///< the files read, in order
    /// Where each passage was read: {index into files, line}, parallel to passages.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> origins;
};

/// Appends the passages of `path` to `corpus`. Errors name path:line: a line that is not JSON (with
/// the column), not an object, lacks docid or text or has them with the wrong type, or repeats a
/// docid already read (naming where it was first).
Status readPassagesJsonl(const std::string& path, PassageCorpus& corpus);

}  // namespace mtrec::data
