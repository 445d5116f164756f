#!/usr/bin/env bash
# Data-parallel training throughput: `mtrec train` on one process against the same run on two
# (--rank/--world-size on 127.0.0.1), each process with one intra-op thread, runs alternating.
# The model is the paper preset's encoder and tokenizer (resources/configs/mlqa-hybrid.json: hidden
# 256, one layer, FFN 1024, 64 tokens; 2,400 pieces, not 4,000: the most the demo corpus gives)
# trained on the bundled demo corpus with a global batch of BATCH pairs.
# Reported per run and as medians: pairs/s of training steps (the store's examples_per_s at the last
# step), the speed-up and scaling efficiency (speed-up / 2), and from rank 0's step log the seconds
# per step spent gathering embeddings and waiting for gradient sums that backward did not hide,
# with their share of the step. Then the projection for 8 and 64 processes
# (bench/train/data_parallel_projection.py).
#
# Usage: bench/train/data_parallel.sh [BUILD_DIR]      (default: build)
# Environment: RUNS (3), STEPS per run (40; the first 5 are left out of the step-log means),
#   BATCH global batch (64).
set -euo pipefail

BUILD_DIR=${1:-build}
RUNS=${RUNS:-3}
STEPS=${STEPS:-40}
BATCH=${BATCH:-64}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MTREC="$BUILD_DIR/app/mtrec"
[[ -x "$MTREC" ]] || { echo "no $MTREC: build the project first" >&2; exit 1; }
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CONFIG="$WORK/config.json"
python3 - "$ROOT" "$CONFIG" "$STEPS" "$BATCH" <<'PY'
import json, sys
root, out, steps, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
config = json.load(open(f"{root}/resources/configs/demo-hybrid.json"))
config["model"] = json.load(open(f"{root}/resources/configs/mlqa-hybrid.json"))["model"]
config["tokenizer"] = json.load(open(f"{root}/resources/configs/mlqa-hybrid.json"))["tokenizer"]
config["tokenizer"]["train"]["vocab_size"] = 2400  # the most pieces the demo corpus gives
config["strategy"]["batch_size"] = batch
config["optimizer"].update(steps=steps, eval_every=0, checkpoint_every=0, warmup_steps=4)
config["evaluation"] = []
config["threads"] = 1
for source in config["data"]["parallel_sentences"]:
    for key in ("query", "passage"):
        source[key] = f"{root}/{source[key]}"
config["data"]["jsonl"] = [f"{root}/{path}" for path in config["data"]["jsonl"]]
json.dump(config, open(out, "w"), indent=1)
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
last_throughput() { sqlite3 "$1" "SELECT examples_per_s FROM step_metrics WHERE run_id = 1 ORDER BY step DESC LIMIT 1"; }

echo "global batch $BATCH pairs, $STEPS steps a run, 1 intra-op thread per process, $(getconf _NPROCESSORS_ONLN) cores"
printf '%-4s %12s %12s %8s %10s %10s %8s\n' run one_pairs/s two_pairs/s speedup comm_s/step step_s share
results=()
for run in $(seq "$RUNS"); do
    "$MTREC" train --config "$CONFIG" --db "$WORK/one-$run.db" --out "$WORK/one-$run" >/dev/null 2>&1
    port=$(free_port)
    for rank in 0 1; do
        "$MTREC" train --config "$CONFIG" --db "$WORK/two-$run.db" --out "$WORK/two-$run" \
            --rank "$rank" --world-size 2 --master "127.0.0.1:$port" >"$WORK/two-$run-$rank.log" 2>&1 &
    done
    wait
    one=$(last_throughput "$WORK/one-$run.db")
    two=$(last_throughput "$WORK/two-$run.db")
    line=$(python3 - "$WORK/two-$run/rank-0.jsonl" "$one" "$two" <<'PY'
import json, sys
steps = [json.loads(l) for l in open(sys.argv[1]) if '"step"' in l][5:]
comm = sum(s["communication_s"] for s in steps) / len(steps)
step = sum(s["step_s"] for s in steps) / len(steps)
one, two = float(sys.argv[2]), float(sys.argv[3])
print(f"{one:.1f} {two:.1f} {two / one:.3f} {comm:.4f} {step:.4f} {comm / step:.3f}")
PY
)
    results+=("$line")
    printf '%-4s %12s %12s %8s %10s %10s %8s\n' "$run" $line
done
params_bytes=$(stat -c %s "$WORK/one-1/checkpoints/"step-*/encoder.pt | head -1)
python3 - "$params_bytes" "${results[@]}" <<'PY'
import statistics, sys
rows = [list(map(float, r.split())) for r in sys.argv[2:]]
median = lambda i: statistics.median(r[i] for r in rows)
one, two, speedup, comm, step, share = (median(i) for i in range(6))
print(f"median: one process {one:.1f} pairs/s, two {two:.1f} pairs/s, speed-up {speedup:.2f}, "
      f"scaling efficiency {speedup / 2:.2f}")
print(f"median communication not hidden by backward: {comm * 1000:.1f} ms of a {step * 1000:.0f} ms "
      f"step ({share * 100:.1f} %)")
print(f"encoder weights file: {int(sys.argv[1]) / 1e6:.1f} MB (about the parameters x 4 bytes)")
PY
python3 "$HERE/data_parallel_projection.py" --weights-bytes "$params_bytes" \
    --one-process-pairs-per-s "$(python3 -c "import statistics,sys; print(statistics.median(float(r.split()[0]) for r in sys.argv[1:]))" "${results[@]}")" \
    --batch "$BATCH"
