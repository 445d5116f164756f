#!/usr/bin/env bash
# Sets up and builds the project (scripts/setup.sh), then starts the mTREC Workbench GUI on the bundled
# demo corpus with the default runs database ./experiments.db (created at first start).
# Extra arguments go to mtrec-workbench (try --help).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${MTREC_BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh"

cd "$root"
exec "$build_dir/app/mtrec-workbench" --db "$root/experiments.db" "$@"
