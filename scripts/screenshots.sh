#!/usr/bin/env bash
# Renders every view of the workbench for one database into PNG files (offscreen, no display needed):
#   scripts/screenshots.sh DB RUN_A RUN_B[,RUN_C...] [OUT_DIR] [SIZE]
# RUN_A is shown in the Run, Results and Bias views; Compare shows the seed groups of RUN_A, RUN_B, ...
# (the runs alone when they have no replicates), A minus B in its heatmap. OUT_DIR defaults
# to docs/screenshots, SIZE to 1280x800 (Compare: COMPARE_SIZE, 1680x900). Uses build/app/mtrec-workbench (run scripts/setup.sh first).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
db="${1:?database}" a="${2:?run A}" b="${3:?run B}"
out="${4:-$root/docs/screenshots}" size="${5:-1280x800}"
workbench="${MTREC_BUILD_DIR:-$root/build}/app/mtrec-workbench"
mkdir -p "$out"

# A settings folder of its own: screenshots neither read nor change the user's recent databases.
settings="$(mktemp -d)"
trap 'rm -rf "$settings"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$settings"

shoot() {  # view runs file [more options]
    "$workbench" --db "$db" --view "$1" --runs "$2" --size "$size" --screenshot "$out/$3.png" "${@:4}" \
        2> >(grep -v -e 'propagateSizeHints' -e 'XDG_RUNTIME_DIR' >&2)
    echo "wrote $out/$3.png"
}

shoot runs "$a" runs
shoot setup "$a" setup
shoot run "$a" run
shoot results "$a" results
shoot bias "$a" bias
# Compare is wide (heatmap, bars and the summary side by side): its own size, the seen languages.
shoot compare "$a,$b" compare --seed-groups --summary-languages seen --size "${COMPARE_SIZE:-1680x900}"
