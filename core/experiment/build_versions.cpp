#include "experiment/build_versions.h"

#include <sqlite3.h>
#include <torch/version.h>
#include <unicode/uversion.h>

#include "store/schema.h"

#ifndef MTREC_SENTENCEPIECE_VERSION
#define MTREC_SENTENCEPIECE_VERSION "unknown"
#endif

namespace mtrec::experiment {

std::vector<ComponentVersion> componentVersions() {
    UVersionInfo icu;
    u_getVersion(icu);
    char icuText[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(icu, icuText);
    return {
        {"mTREC Workbench", MTREC_VERSION},
        {"LibTorch", TORCH_VERSION},
        {"SentencePiece", MTREC_SENTENCEPIECE_VERSION},
        {"SQLite", sqlite3_libversion()},
        {"ICU", icuText},
        {"Runs database schema", std::to_string(store::kSchemaVersion)},
    };
}

}  // namespace mtrec::experiment
