#!/usr/bin/env bash
# Is training with bf16 GEMMs ("precision": "bf16") within noise of fp32? Trains one config three
# times with `mtrec train`: fp32 with seed S1, fp32 with seed S2, bf16 with seed S1, one after the
# other, then prints per window of steps the mean training loss of each run, the fp32 seed-to-seed
# difference |fp32(S1) − fp32(S2)| (the noise a researcher sees between seeds) and the precision
# difference |bf16(S1) − fp32(S1)| (same seed: same batches, same initialisation, same dropout
# masks — only the rounding differs), then every validation loss and the final evaluation (mAP of
# Mo, Cr, Mul) of each run. Measured, never asserted: the last lines say in how many windows the
# precision difference stayed below the seed-to-seed one.
#
# The config: the MLQA hybrid preset (resources/configs/mlqa-hybrid.json: hidden 256, 1 layer,
# batch 128, trained on MLQA dev, evaluated zero-shot on XQuAD-R) when ../shared/datasets is there,
# else the demo hybrid preset (bundled corpus); both cut to STEPS steps with validation every
# WINDOW steps and no step checkpoints. Runs from the repository root (the presets' paths are
# relative to it); everything it writes goes to a temporary folder (KEEP=1 keeps it).
#
# Usage: bench/train/precision_loss_curve.sh [BUILD_DIR]        (default: build)
# Environment: STEPS (300), WINDOW (50), SEEDS ("13 14": S1 S2), CONFIG (a config file to use
#   instead of the preset), THREADS (2).
set -euo pipefail

BUILD_DIR=${1:-build}
STEPS=${STEPS:-300}
WINDOW=${WINDOW:-50}
read -r SEED1 SEED2 <<<"${SEEDS:-13 14}"
THREADS=${THREADS:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MTREC="$BUILD_DIR/app/mtrec"
[[ -x "$MTREC" ]] || { echo "no $MTREC: build the target mtrec first" >&2; exit 1; }
MTREC=$(cd "$(dirname "$MTREC")" && pwd)/mtrec
cd "$ROOT"
if [[ -z ${CONFIG:-} ]]; then
    CONFIG=resources/configs/demo-hybrid.json
    [[ -d ../shared/datasets/mlqa ]] && CONFIG=resources/configs/mlqa-hybrid.json
fi
work=$(mktemp -d)
[[ ${KEEP:-0} == 1 ]] && echo "# keeping $work" || trap 'rm -rf "$work"' EXIT
export OPENBLAS_NUM_THREADS=1 OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

# variant NAME SEED PRECISION: the config cut to STEPS steps, as $work/NAME.json.
variant() {
    /usr/bin/python3 - "$CONFIG" "$work/$1.json" "$1" "$2" "$3" "$STEPS" "$WINDOW" "$THREADS" <<'PY'
import json, sys
source, target, name, seed, precision, steps, window, threads = sys.argv[1:]
config = json.load(open(source))
config.update(name=name, seed=int(seed), precision=precision, threads=int(threads))
optimizer = config["optimizer"]
optimizer.update(steps=int(steps), eval_every=int(window), checkpoint_every=0,
                 early_stopping_patience=0)
optimizer.pop("epochs", None)
json.dump(config, open(target, "w"), indent=2)
PY
}

echo "# config $CONFIG: steps=$STEPS window=$WINDOW seeds=$SEED1,$SEED2 threads=$THREADS" \
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# bf16 flags: $(grep -o -m1 -w 'avx512_bf16\|amx_bf16' /proc/cpuinfo | sort -u | xargs)"
runs=("fp32-s$SEED1 $SEED1 fp32" "fp32-s$SEED2 $SEED2 fp32" "bf16-s$SEED1 $SEED1 bf16")
for spec in "${runs[@]}"; do
    read -r name seed precision <<<"$spec"
    variant "$name" "$seed" "$precision"
    start=$(date +%s)
    "$MTREC" train --config "$work/$name.json" --db "$work/runs.db" --out "$work/$name" \
        >"$work/$name.log" 2>&1 || { tail -20 "$work/$name.log" >&2; exit 1; }
    echo "# trained $name in $(($(date +%s) - start)) s"
done

/usr/bin/python3 - "$work" "$WINDOW" "${runs[@]}" <<'PY'
import csv, os, sqlite3, statistics, sys
work, window = sys.argv[1], int(sys.argv[2])
names = [spec.split()[0] for spec in sys.argv[3:]]
a, b, c = names  # fp32 S1, fp32 S2, bf16 S1
db = sqlite3.connect(os.path.join(work, "runs.db"))
loss, val = {}, {}
for name in names:
    (run,) = db.execute("SELECT id FROM runs WHERE name = ?", (name,)).fetchone()
    rows = db.execute("SELECT step, loss, val_loss FROM step_metrics WHERE run_id = ? "
                      "ORDER BY step", (run,)).fetchall()
    loss[name] = {step: value for step, value, _ in rows}
    val[name] = {step: v for step, _, v in rows if v is not None}
steps = sorted(set(loss[a]) & set(loss[b]) & set(loss[c]))
print(f"{'steps':>11} {a:>10} {b:>10} {c:>10} {'|seed diff|':>12} {'|bf16 diff|':>12}"
      f" {'step rms bf16':>13}")
below, ratios = 0, []
for first in range(steps[0], steps[-1] + 1, window):
    chunk = [s for s in steps if first <= s < first + window]
    if not chunk:
        continue
    mean = {n: statistics.fmean(loss[n][s] for s in chunk) for n in names}
    seed_diff, bf16_diff = abs(mean[a] - mean[b]), abs(mean[c] - mean[a])
    # Same seed, same batches: the step-by-step difference, not only the window means'.
    rms = statistics.fmean((loss[c][s] - loss[a][s]) ** 2 for s in chunk) ** 0.5
    below += bf16_diff < seed_diff
    ratios.append(bf16_diff / seed_diff if seed_diff > 0 else float("inf"))
    print(f"{chunk[0]:>5}-{chunk[-1]:<5} {mean[a]:>10.4f} {mean[b]:>10.4f} {mean[c]:>10.4f}"
          f" {seed_diff:>12.4f} {bf16_diff:>12.4f} {rms:>13.4f}")
print(f"{'validation':>11} " + " ".join(f"{n:>10}" for n in names) +
      f" {'|seed diff|':>12} {'|bf16 diff|':>12}")
for step in sorted(set(val[a]) & set(val[b]) & set(val[c])):
    v = {n: val[n][step] for n in names}
    print(f"{step:>11} " + " ".join(f"{v[n]:>10.4f}" for n in names) +
          f" {abs(v[a] - v[b]):>12.4f} {abs(v[c] - v[a]):>12.4f}")
for name in names:
    summary = os.path.join(work, name, "summary.csv")
    cells = {}
    if os.path.exists(summary):
        for row in csv.DictReader(open(summary)):
            if row["metric"] == "map":
                cells[row["suite"] + " " + row["setting"]] = float(row["value"])
    print(f"final {name}: " + " ".join(f"{k} mAP={v:.4f}" for k, v in cells.items()))
print(f"windows_bf16_diff_below_seed_diff={below}/{len(ratios)}")
print(f"median_bf16_diff_over_seed_diff={statistics.median(ratios):.2e}")
PY
