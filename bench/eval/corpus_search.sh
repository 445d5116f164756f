#!/usr/bin/env bash
# Exact dense search at corpus scale, side by side: the engine's bounded search (C++,
# mtrec_bench_corpus_search), the Python twin (torch matmul + topk in chunks on OpenBLAS,
# corpus_search.py) and, when built, FAISS's IndexFlatIP (mtrec_bench_faiss_flat). 1,000 queries,
# k = 1000, random unit vectors; the sides run alternately, RUNS times at N = 100k and BIG_RUNS
# times at N = 1M, for each dimension in DIMS. Prints a table of median search seconds, the peak
# memory the search adds (VmHWM during it minus VmRSS before: the embeddings are not counted) and
# the C++/Python ratio (median of the per-pair ratios), with the load average before and after
# (the machine may be shared).
#
#   bench/eval/corpus_search.sh [BUILD_DIR]        (default build/; builds the benchmark targets)
#   RUNS=3 BIG_RUNS=1 DIMS="256 768" SIZES="100000 1000000" THREADS=2 bench/eval/corpus_search.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build}"
runs="${RUNS:-3}" big_runs="${BIG_RUNS:-1}" threads="${THREADS:-2}"
dims="${DIMS:-256 768}" sizes="${SIZES:-100000 1000000}"

# The Python side runs on the fastest BLAS Debian offers: OpenBLAS (pthread build).
# shellcheck source=bench/blas_variants.sh
source "$root/bench/blas_variants.sh"
require_bench_packages

cmake --build "$build" -j 2 --target mtrec_bench_corpus_search >/dev/null
cmake --build "$build" -j 2 --target mtrec_bench_faiss_flat >/dev/null 2>&1 || true
cpp="$build/bench/eval/mtrec_bench_corpus_search"
faiss="$build/bench/eval/mtrec_bench_faiss_flat"
log="$(mktemp -d)/corpus_search.log"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); log: $log"

for dim in $dims; do
    for n in $sizes; do
        count=$runs
        (( n >= 1000000 )) && count=$big_runs
        for ((i = 1; i <= count; ++i)); do
            common=(--candidates "$n" --dim "$dim" --threads "$threads")
            "$cpp" "${common[@]}" >>"$log" 2>&1
            with_blas openblas env OPENBLAS_NUM_THREADS="$threads" /usr/bin/python3 \
                "$root/bench/eval/corpus_search.py" \
                "${common[@]}" >>"$log" 2>&1
            if [[ -x "$faiss" ]]; then "$faiss" "${common[@]}" >>"$log" 2>&1; fi
        done
    done
done
grep -m1 -A1 "^C++ search" "$log" || true
grep -m1 -A2 "^Python search" "$log" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/python3 - "$log" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    if not f or f[0] != "result":
        continue
    side, n, d = f[1], int(f[2]), int(f[3])
    # C++: search time = wall - TREC export (the top k sorted and written as a run file), which the
    # others do not do; the export is its own column.
    export = float(f[9]) if side == "cpp" else 0.0
    wall = float(f[7]) - export
    rows.setdefault((n, d), {}).setdefault(side + "-export", []).append((export, 0.0))
    peak = float(f[-1]) - float(f[-2])  # the search's own memory: VmHWM during it - VmRSS before
    rows.setdefault((n, d), {}).setdefault(side, []).append((wall, peak))
print("| N | d | C++ s | Python s | FAISS s | C++/Python | C++ export s | C++ +MiB | Python +MiB | FAISS +MiB | runs |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for (n, d), sides in sorted(rows.items(), key=lambda item: (item[0][1], item[0][0])):
    def median(side, i):
        values = [r[i] for r in sides.get(side, [])]
        return "%.2f" % statistics.median(values) if values else "-"
    def peak(side):
        values = [r[1] for r in sides.get(side, [])]
        return "%.0f" % max(values) if values else "-"
    pairs = list(zip(sides.get("cpp", []), sides.get("python", [])))
    ratio = "%.2f" % statistics.median(c[0] / p[0] for c, p in pairs) if pairs else "-"
    print("| %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d |" % (
        n, d, median("cpp", 0), median("python", 0), median("faiss", 0), ratio,
        median("cpp-export", 0), peak("cpp"), peak("python"), peak("faiss"), len(pairs)))
PY
