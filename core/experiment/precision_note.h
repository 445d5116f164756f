#pragma once

#include <string>

#include "model/matmul_precision.h"

namespace mtrec::experiment {

/// The run note when a run asks for $.precision "bf16" on a CPU without native bfloat16 GEMMs
/// (`nativeBf16`: model::cpuHasNativeBf16()): the run trains all the same, but oneDNN emulates
/// the bfloat16 products there, slower than float32, which the note says. Empty otherwise.
std::string precisionNote(model::MatmulPrecision precision, bool nativeBf16);

}  // namespace mtrec::experiment
