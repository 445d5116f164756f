#!/usr/bin/env bash
# The default from-scratch encoder's training step in C++ (mtrec_train_step_bench) against the same
# step in Python PyTorch (train_step_python.py, Debian's python3-torch: the same torch build), same
# shapes (32 pairs = 64 sequences of 64 tokens), same AdamW, clipping, schedule and thread count,
# runs alternating C++ / Python. Python runs in three variants every run, each a user could pick:
# nn.Linear on Debian's reference BLAS (a fresh machine), nn.Linear on OpenBLAS (the fastest BLAS
# Debian offers), and Linears as 1x1 convolutions through oneDNN (on OpenBLAS); the headline ratio is
# against the fastest of them in the same run. Every process prints the BLAS it mapped
# (bench/blas_report.py, bench/loaded_blas.h). Also measures the machine's fp32 GEMM peak in the
# same run and the C++ step's share of it (FLOPs of a step = 3 × forward FLOPs; forward = layers ×
# (2·N·(4h² + 2hf) + 4·N·seq·h) with N = 64·64 tokens, h = 256, f = 1024: 80.5 GFLOP a step). Every
# time is given by the wall clock and by process CPU time: on a shared machine the second is the
# steadier; the fraction of peak by CPU time compares GFLOP per CPU second of the step and of the
# GEMM.
#
# Usage: bench/train/train_vs_python.sh [BUILD_DIR]      (default: build)
# Environment: RUNS (3), STEPS timed steps per run (2), WARMUP untimed steps per run (1),
#   THREADS (2), CONV_RUNS how many of the runs also time the oneDNN-convolution variant (default:
#   all runs; 0 skips), SHAPE_ARGS other shapes for both, e.g. "--batch 4 --seq 16" for a quick
#   check of the script, or the XLM-R-base shape "--hidden 768 --layers 12 --heads 12 --ffn 3072
#   --seq 128" (tens of seconds a step here), REFERENCE_RUNS how many runs also time Python on the
#   reference BLAS (default: all; about 20 times slower than OpenBLAS, so 0 for large shapes). Needs python3-torch, libopenblas0-pthread and python3-threadpoolctl
#   (installed when run as root).
# The last line is ratio_cpp_over_fastest_python=<median over runs of the fastest Python variant's
# time / C++ time per step> (> 1: C++ is faster); ratio_cpp_over_python_reference_blas is the same
# against nn.Linear on the reference BLAS.
set -euo pipefail

BUILD_DIR=${1:-build}
RUNS=${RUNS:-3}
STEPS=${STEPS:-2}
WARMUP=${WARMUP:-1}
THREADS=${THREADS:-2}
CONV_RUNS=${CONV_RUNS:-$RUNS}
REFERENCE_RUNS=${REFERENCE_RUNS:-$RUNS}
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH="$BUILD_DIR/bench/train/mtrec_train_step_bench"
PYTHON_SCRIPT="$HERE/train_step_python.py"
[[ -x "$BENCH" ]] || { echo "no $BENCH: build the target mtrec_train_step_bench first" >&2; exit 1; }
# shellcheck source=bench/blas_variants.sh
source "$HERE/../blas_variants.sh"
require_bench_packages

# ATen's OpenMP threads are the only parallelism; a BLAS pool must not multiply them. Waiting OpenMP
# threads sleep instead of spinning (libgomp reads this at start-up only): on a loaded machine
# spinning threads steal the cores the working ones need (2 threads on this shared 2-core machine
# under load: 3-4 s a step spinning, 1.7 s sleeping). On an idle machine OMP_WAIT_POLICY=ACTIVE is
# faster (0.60 against 0.80 s here). Both languages always run under the same environment.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=$THREADS OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
# shellcheck disable=SC2206
ARGS=(--steps "$STEPS" --warmup "$WARMUP" --threads "$THREADS" ${SHAPE_ARGS:-})

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2" | tail -1; }
median() {
    tr ' ' '\n' | sed '/^$/d' | sort -g |
        awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# runs=$RUNS steps=$STEPS warmup=$WARMUP threads=$THREADS OMP_WAIT_POLICY=$OMP_WAIT_POLICY"
peak_out=$(with_blas openblas "$BENCH" --gemm-peak --threads "$THREADS")
echo "$peak_out"
peak=$(field gemm_peak_gflops "$peak_out")
peak_cpu=$(field gemm_peak_cpu_gflops "$peak_out")

ratio() { awk -v p="$1" -v c="$2" 'BEGIN {printf "%.3f", p / c}'; }

cpp_times=() fastest_times=() ratios=() cpu_ratios=() reference_ratios=() cpp_gflops=()
cpp_cpu_gflops=() rss=()
for run in $(seq 1 "$RUNS"); do
    cpp_out=$(with_blas openblas "$BENCH" "${ARGS[@]}")
    variants=(openblas)
    outputs=("$(with_blas openblas /usr/bin/python3 "$PYTHON_SCRIPT" "${ARGS[@]}" --linear nn)")
    if ((run <= REFERENCE_RUNS)); then
        variants+=(reference_blas)
        outputs+=("$(with_blas reference /usr/bin/python3 "$PYTHON_SCRIPT" "${ARGS[@]}" --linear nn)")
    fi
    if ((run <= CONV_RUNS)); then
        variants+=(onednn_conv)
        outputs+=("$(with_blas openblas /usr/bin/python3 "$PYTHON_SCRIPT" "${ARGS[@]}" --linear conv)")
    fi
    if ((run == 1)); then
        grep '^# blas' <<<"$cpp_out" || true
        for i in "${!variants[@]}"; do sed "s/^# blas /# blas ${variants[i]}: /" \
            <<<"$(grep '^# blas' <<<"${outputs[i]}")"; done
    fi
    cpp=$(field median_step_s "$cpp_out")
    line="run $run: cpp_step_s=$cpp"
    fastest="" fastest_name="" fastest_cpu=""
    for i in "${!variants[@]}"; do
        t=$(field median_step_s "${outputs[i]}")
        line+=" python_${variants[i]}_step_s=$t"
        if [[ -z "$fastest" ]] || awk -v a="$t" -v b="$fastest" 'BEGIN {exit !(a < b)}'; then
            fastest=$t fastest_name=${variants[i]} fastest_cpu=$(field median_cpu_s "${outputs[i]}")
        fi
    done
    cpp_times+=("$cpp"); fastest_times+=("$fastest")
    cpp_gflops+=("$(field achieved_gflops "$cpp_out")")
    cpp_cpu_gflops+=("$(field achieved_cpu_gflops "$cpp_out")")
    rss+=("$(field peak_rss_mib "$cpp_out")")
    ratios+=("$(ratio "$fastest" "$cpp")")
    cpu_ratios+=("$(ratio "$fastest_cpu" "$(field median_cpu_s "$cpp_out")")")
    if ((run <= REFERENCE_RUNS)); then
        reference_ratios+=("$(ratio "$(field median_step_s "${outputs[1]}")" "$cpp")")
    fi
    echo "$line fastest_python=$fastest_name ratio=${ratios[-1]} cpu_ratio=${cpu_ratios[-1]}" \
         "cpp_rss_mib=${rss[-1]} python_rss_mib=$(field peak_rss_mib "${outputs[0]}")"
done

cpp_median=$(echo "${cpp_times[*]}" | median)
gflops_median=$(echo "${cpp_gflops[*]}" | median)
cpu_gflops_median=$(echo "${cpp_cpu_gflops[*]}" | median)
echo "cpp_median_step_s=$cpp_median fastest_python_median_step_s=$(echo "${fastest_times[*]}" | median)" \
     "ratio_by_cpu_time=$(echo "${cpu_ratios[*]}" | median)"
echo "cpp_achieved_gflops=$gflops_median gemm_peak_gflops=$peak" \
     "fraction_of_peak=$(awk -v a="$gflops_median" -v p="$peak" 'BEGIN {printf "%.3f", a / p}')"
echo "cpp_achieved_gflops_per_cpu_s=$cpu_gflops_median gemm_peak_gflops_per_cpu_s=$peak_cpu" \
     "fraction_of_peak_by_cpu_time=$(awk -v a="$cpu_gflops_median" -v p="$peak_cpu" \
     'BEGIN {printf "%.3f", a / p}')"
echo "cpp_peak_rss_mib=$(echo "${rss[*]}" | tr ' ' '\n' | sort -g | tail -1)"
if ((REFERENCE_RUNS > 0)); then
    echo "ratio_cpp_over_python_reference_blas=$(echo "${reference_ratios[*]}" | median)"
fi
echo "ratio_cpp_over_fastest_python=$(echo "${ratios[*]}" | median)"
