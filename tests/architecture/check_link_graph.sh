#!/usr/bin/env bash
# Checks the layers of core/ in the built libraries themselves (DESIGN.md §5): each libmtrec_<area>.so
# may depend directly (ELF NEEDED) only on the areas below it, and the areas that need no tensors
# (common, data, eval, store, analysis, report) and their test executables do not load LibTorch.
# Usage: check_link_graph.sh BUILD_DIR
set -euo pipefail
build="$1"
lib_dir="$build/core"

declare -A allowed=(
    [common]=""
    [data]="common"
    [text]="common data"
    [model]="common data text"
    [train]="common data text model"
    [eval]="common data"
    [store]="common data eval"
    [analysis]="common data eval store"
    [report]="common data eval store analysis"
    [experiment]="common data text model train eval store analysis report"
)
torch_free=(common data eval store analysis report)

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

failures=0
for area in "${!allowed[@]}"; do
    lib="$lib_dir/libmtrec_$area.so"
    [[ -f "$lib" ]] || { echo "missing library: $lib"; failures=$((failures + 1)); continue; }
    for dep in $(needed "$lib" | sed -n 's/^libmtrec_\(.*\)\.so$/\1/p'); do
        if [[ " ${allowed[$area]} " != *" $dep "* ]]; then
            echo "layer violation: mtrec_$area links mtrec_$dep (allowed: ${allowed[$area]:-none})"
            failures=$((failures + 1))
        fi
    done
done

for area in "${torch_free[@]}"; do
    if needed "$lib_dir/libmtrec_$area.so" | grep -qE '^lib(torch|c10)'; then
        echo "mtrec_$area links LibTorch, but its area needs no tensors"
        failures=$((failures + 1))
    fi
done
for exe in "$build"/tests/{data,eval,store,analysis,report,common}/mtrec_*_tests; do
    [[ -f "$exe" ]] || continue
    if ldd "$exe" | grep -qE 'lib(torch|c10)'; then
        echo "$(basename "$exe") loads LibTorch"
        failures=$((failures + 1))
    fi
done

if ((failures)); then
    echo "$failures problem(s) with the link graph"
    exit 1
fi
echo "link graph: every core library links only the areas below it; torch-free areas load no LibTorch"
