#pragma once

#include <string>

#include "common/result.h"

namespace torch::serialize {
class OutputArchive;
}

namespace mtrec::model {

/// Writes `archive` to the file `path` (replacing it) and reports a failed write (a full disk,
/// a file-size limit) as an Error naming the file and the system's reason ("File too large").
/// Unlike OutputArchive::save_to(path), whose writer throws again from its destructor after a
/// failed write and so ends the process (std::terminate), a failure here leaves the caller in
/// control: the run can be marked failed with the reason.
Status saveArchive(torch::serialize::OutputArchive& archive, const std::string& path);

}  // namespace mtrec::model
