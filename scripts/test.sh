#!/usr/bin/env bash
# Sets up and builds the project (scripts/setup.sh), then runs every test with CTest.
# Tests that need the public datasets read them from ../shared/datasets (or $MTREC_DATASETS) and skip
# with a message when they are absent.
#
# Then, as CI on every submission (docs/robustness.md): the areas that link no LibTorch built with
# ASan + UBSan and their tests run (scripts/sanitize.sh --torch-free, in build-asan-torch-free/),
# and each torch-free fuzz target run for MTREC_FUZZ_SECONDS (default 10) from its seeds
# (scripts/fuzz.sh --torch-free, in build-fuzz-torch-free/). Both are skipped when arguments are
# given (they go to ctest: a filtered run) or MTREC_NO_SANITIZE=1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${MTREC_BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh"

echo "==> Running tests"
export QT_QPA_PLATFORM=offscreen
(cd "$build_dir" && ctest --output-on-failure -j "$(nproc)" "$@")

if (( $# == 0 )) && [[ "${MTREC_NO_SANITIZE:-0}" != 1 ]]; then
    "$root/scripts/sanitize.sh" address,undefined --torch-free
    echo "==> Fuzzing each torch-free parser for ${MTREC_FUZZ_SECONDS:-10} s"
    "$root/scripts/fuzz.sh" "${MTREC_FUZZ_SECONDS:-10}" --torch-free
fi
