#!/usr/bin/env bash
# Cross-checks the evaluation engine against trec_eval on real data: evaluates XQuAD-R with BM25,
# exports every Mo/Cr pair and every Mul pool as TREC qrels + a whole-ranking run (depth all), runs
# trec_eval on each and compares its "all" line with the engine's per-pair mean, metric by metric.
#
# Usage: check_against_trec_eval.sh TREC_EVAL [XQUAD_R_DIR] [LANGUAGES]
#   TREC_EVAL     path of a trec_eval (10.x) binary
#   XQUAD_R_DIR   folder with <lang>.json (default ../shared/datasets/xquad-r/xquad-r from the repo)
#   LANGUAGES     comma-separated subset, e.g. en,de,th (default: all 11; the full export is ~16 GB)
# Uses build/app/mtrec (`mtrec eval --trec --depth all`) when it exists, else the benchmark
# build/bench/eval/mtrec_bench_xquad_bm25 (override with MTREC_BIN / MTREC_EVAL_BENCH). Files go to a
# temporary folder under ${TMPDIR:-/tmp}, removed at exit. Exit status 1 when a value differs by more
# than 1e-4 (trec_eval prints 4 decimals).
set -euo pipefail

if [[ $# -lt 1 ]]; then
    sed -n '2,13p' "$0"
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TREC_EVAL=$1
DATA=${2:-$ROOT/../shared/datasets/xquad-r/xquad-r}
LANGS=${3:-}
[[ -x $TREC_EVAL ]] || { echo "not an executable: $TREC_EVAL" >&2; exit 2; }
[[ -d $DATA ]] || { echo "no XQuAD-R folder at $DATA" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mtrec-trec-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

MTREC=${MTREC_BIN:-$ROOT/build/app/mtrec}
if [[ -x $MTREC ]] && "$MTREC" eval --help 2>/dev/null | grep -q -- '--trec'; then
    echo "engine: $MTREC eval"
    "$MTREC" eval --suite xquad-r --data "$DATA" --scorer bm25 --out "$WORK/out" --trec --depth all \
        ${LANGS:+--languages "$LANGS"} >/dev/null
    PAIRS=$WORK/out/pairs.csv
    TREC=$WORK/out/trec/xquad-r
else
    BENCH=${MTREC_EVAL_BENCH:-$ROOT/build/bench/eval/mtrec_bench_xquad_bm25}
    [[ -x $BENCH ]] || { echo "neither $MTREC nor $BENCH is built" >&2; exit 2; }
    echo "engine: $BENCH"
    "$BENCH" --data "$DATA" --trec "$WORK/trec" --depth 0 --pairs "$WORK/pairs.csv" \
        ${LANGS:+--languages "$LANGS"} | sed -n '1p'
    PAIRS=$WORK/pairs.csv
    TREC=$WORK/trec
fi

mkdir -p "$WORK/trec_eval"
pairs=0
for qrels in "$TREC"/*.qrels; do
    stem=$(basename "$qrels" .qrels)
    "$TREC_EVAL" -m map -m recip_rank -m recall.1,10,100 -m P.1 -m ndcg_cut.10 \
        "$qrels" "${qrels%.qrels}.run" >"$WORK/trec_eval/$stem.txt"
    pairs=$((pairs + 1))
done
echo "trec_eval ran on $pairs exported pairs (depth all)"

/usr/bin/python3 - "$PAIRS" "$WORK/trec_eval" <<'PY'
import csv, os, sys
pairs_csv, folder = sys.argv[1], sys.argv[2]
ours = {}
with open(pairs_csv, newline="") as f:
    for row in csv.DictReader(f):
        if row["suite"] == "xquad-r":
            ours[(row["query_lang"], row["cand_lang"], row["metric"])] = float(row["value"])
worst, checked, bad = 0.0, 0, []
for name in sorted(os.listdir(folder)):
    x, y = name[:-4].split("-", 1)
    for line in open(os.path.join(folder, name)):
        metric, qid, value = line.split()
        if qid != "all":
            continue
        mine = ours.get((x, y, metric))
        if mine is None:
            bad.append(f"{x}-{y} {metric}: missing from {pairs_csv}")
            continue
        diff = abs(mine - float(value))
        worst = max(worst, diff)
        checked += 1
        if diff > 1e-4:
            bad.append(f"{x}-{y} {metric}: engine {mine:.6f} trec_eval {value}")
print(f"compared {checked} values ({len(os.listdir(folder))} pairs x 7 metrics); "
      f"largest |engine - trec_eval| = {worst:.2e}")
for line in bad[:20]:
    print("MISMATCH", line)
print("OK: every value within 1e-4" if not bad else f"FAILED: {len(bad)} values differ")
sys.exit(1 if bad else 0)
PY
