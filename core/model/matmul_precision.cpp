#include "model/matmul_precision.h"

#include <fstream>
#include <string>

namespace mtrec::model {

namespace {

thread_local MatmulPrecision currentPrecision = MatmulPrecision::Fp32;

/// The "flags" line of the first processor in /proc/cpuinfo, padded with spaces; empty where
/// there is none (not Linux, not x86).
std::string cpuFlags() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line))
        if (line.rfind("flags", 0) == 0) return " " + line.substr(line.find(':') + 1) + " ";
    return {};
}

}  // namespace

const char* matmulPrecisionText(MatmulPrecision precision) {
    return precision == MatmulPrecision::Bf16 ? "bf16" : "fp32";
}

MatmulPrecision currentMatmulPrecision() {
    return currentPrecision;
}

MatmulPrecisionScope::MatmulPrecisionScope(MatmulPrecision precision)
    : previous_(currentPrecision) {
    currentPrecision = precision;
}

MatmulPrecisionScope::~MatmulPrecisionScope() {
    currentPrecision = previous_;
}

bool cpuHasNativeBf16() {
    static const bool native = [] {
        const std::string flags = cpuFlags();
        return flags.find(" avx512_bf16 ") != std::string::npos ||
               flags.find(" amx_bf16 ") != std::string::npos;
    }();
    return native;
}

}  // namespace mtrec::model
