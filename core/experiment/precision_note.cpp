#include "experiment/precision_note.h"

namespace mtrec::experiment {

std::string precisionNote(model::MatmulPrecision precision, bool nativeBf16) {
    if (precision != model::MatmulPrecision::Bf16 || nativeBf16) return "";
    return "$.precision bf16: this CPU has neither AVX512-BF16 nor AMX-BF16, so the bf16 GEMMs "
           "run emulated and slowly here (slower than fp32); the run trains all the same";
}

}  // namespace mtrec::experiment
