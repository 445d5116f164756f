#pragma once

#include "data/retrieval_suite.h"

namespace mtrec::fuzz {

/// What every suite a reader returns must hold, whatever its input: judgments point at existing
/// languages and candidates, one judgment list per query, docnos unique across the suite. A
/// violation stops the fuzzer (propertyFailed).
void checkSuite(const data::RetrievalSuite& suite);

}  // namespace mtrec::fuzz
