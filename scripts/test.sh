#!/usr/bin/env bash
# Sets up and builds the project (scripts/setup.sh), then runs every test with CTest.
# Tests that need the public datasets read them from ../shared/datasets (or $MTREC_DATASETS) and skip
# with a message when they are absent.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${MTREC_BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh"

echo "==> Running tests"
export QT_QPA_PLATFORM=offscreen
cd "$build_dir"
ctest --output-on-failure -j "$(nproc)" "$@"
