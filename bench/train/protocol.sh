#!/usr/bin/env bash
# The offline protocol of DESIGN.md §4 end to end: every example strategy config
# (resources/configs/mlqa-*.json: train on MLQA dev, evaluate zero-shot on XQuAD-R) trained for
# STEPS steps with each of SEEDS, plus the untrained encoder (steps = 0) per seed, all recorded in
# one database; then the runs table, the seed-group comparison of hybrid against multitask and of
# every strategy against the untrained baseline (paired randomization + t-test per cell, Holm).
#
# Usage: bench/train/protocol.sh [BUILD_DIR] [OUT_DIR]     (defaults: build, /tmp/mtrec-protocol)
# Environment: STEPS (1000), SEEDS ("13 14 15"), STRATEGIES ("mono cross hybrid multitask mixed"),
#   THREADS (2). Run from the repository root (the configs' data paths are relative to it).
# A config's warm-up is STEPS/10, its validation every STEPS/4 steps, its checkpoints every STEPS/2.
set -euo pipefail

BUILD_DIR=${1:-build}
OUT_DIR=${2:-/tmp/mtrec-protocol}
STEPS=${STEPS:-1000}
SEEDS=${SEEDS:-13 14 15}
STRATEGIES=${STRATEGIES:-mono cross hybrid multitask mixed}
THREADS=${THREADS:-2}
MTREC="$BUILD_DIR/app/mtrec"
DB="$OUT_DIR/experiments.db"
[[ -x "$MTREC" ]] || { echo "no $MTREC: build the target mtrec first" >&2; exit 1; }
[[ ! -e "$DB" ]] || { echo "$DB exists: choose another OUT_DIR or remove it" >&2; exit 1; }
mkdir -p "$OUT_DIR/configs"
# Waiting OpenMP threads sleep instead of spinning (see train_vs_python.sh).
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

# config STRATEGY SEED STEPS -> path of a copy of the example config with these settings
config() {
    python3 - "$1" "$2" "$3" "$OUT_DIR/configs" "$THREADS" <<'EOF'
import json, sys
strategy, seed, steps, folder, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
base = "hybrid" if strategy == "untrained" else strategy
config = json.load(open(f"resources/configs/mlqa-{base}.json"))
config["name"] = f"mlqa-{strategy}"
config["seed"] = seed
config["threads"] = threads
optimizer = config["optimizer"]
optimizer["steps"] = steps
optimizer["warmup_steps"] = steps // 10
optimizer["eval_every"] = steps // 4
optimizer["checkpoint_every"] = steps // 2
path = f"{folder}/{strategy}-s{seed}.json"
json.dump(config, open(path, "w"), indent=2)
print(path)
EOF
}

train() {  # train STRATEGY SEED STEPS
    local file
    file=$(config "$1" "$2" "$3")
    local start=$SECONDS
    "$MTREC" train --config "$file" --db "$DB" --out "$OUT_DIR/$1-s$2" >"$OUT_DIR/$1-s$2.log" 2>&1 ||
        { echo "$1 seed $2 failed:"; tail -3 "$OUT_DIR/$1-s$2.log"; exit 1; }
    echo "$1 seed $2: $(grep -m1 '^run .* finished' "$OUT_DIR/$1-s$2.log") ($((SECONDS - start)) s)"
}

for seed in $SEEDS; do
    train untrained "$seed" 0
    for strategy in $STRATEGIES; do train "$strategy" "$seed" "$STEPS"; done
done

echo
"$MTREC" runs list --db "$DB"
first_id() {  # the smallest run id of a config name
    "$MTREC" runs list --db "$DB" --format csv | awk -F, -v name="$1" '$2 == name {print $1; exit}'
}
echo
"$MTREC" runs compare "$(first_id mlqa-multitask)" "$(first_id mlqa-hybrid)" --db "$DB" --seed-groups
for strategy in $STRATEGIES; do
    echo
    "$MTREC" runs compare "$(first_id mlqa-untrained)" "$(first_id "mlqa-$strategy")" --db "$DB" \
        --seed-groups
done
