#!/usr/bin/env bash
# The default from-scratch encoder's training step in C++ (mtrec_train_step_bench) against the same
# step in Python PyTorch (train_step_python.py, Debian's python3-torch: the same torch build), same
# shapes (32 pairs = 64 sequences of 64 tokens), same AdamW, clipping, schedule and thread count,
# runs alternating C++ / Python. The C++ step runs in each of PRECISIONS (fp32: float32 GEMMs; bf16:
# the Linear layers' GEMMs on bfloat16 inputs, mixed precision). Python runs in four variants every
# run, each a user could pick: nn.Linear on Debian's reference BLAS (a fresh machine), nn.Linear on
# OpenBLAS (the fastest BLAS Debian offers), Linears as 1x1 convolutions through oneDNN (on
# OpenBLAS), and nn.Linear on OpenBLAS under torch.autocast("cpu", bfloat16) (PyTorch's own mixed
# precision); the headline ratio is against the fastest of them in the same run, whatever its
# precision. Every process prints the BLAS it mapped (bench/blas_report.py, bench/loaded_blas.h).
# Also measures the machine's fp32 and bf16 GEMM peaks in the same run and the C++ step's share of
# the peak of the precision it ran (FLOPs of a step = 3 × forward FLOPs; forward = layers ×
# (2·N·(4h² + 2hf) + 4·N·seq·h) with N = 64·64 tokens, h = 256, f = 1024: 80.5 GFLOP a step). Every
# time is given by the wall clock and by process CPU time: on a shared machine the second is the
# steadier; the fraction of peak by CPU time compares GFLOP per CPU second of the step and of the
# GEMM.
#
# Usage: bench/train/train_vs_python.sh [BUILD_DIR]      (default: build)
# Environment: RUNS (3), STEPS timed steps per run (2), WARMUP untimed steps per run (2: the
#   first steps still grow the heap, page by page, at the XLM-R-base shape),
#   OMP_WAIT_POLICY (PASSIVE; "default" leaves it unset),
#   THREADS (2), PRECISIONS the C++ precisions ("fp32 bf16"), CONV_RUNS how many of the runs also
#   time the oneDNN-convolution variant (default: all runs; 0 skips), AUTOCAST_RUNS the same for
#   the autocast-bf16 variant, REFERENCE_RUNS the same for the reference BLAS (about 20 times slower
#   than OpenBLAS, so 0 for large shapes), SHAPE_ARGS other shapes for both, e.g. "--batch 4 --seq
#   16" for a quick check of the script, or the XLM-R-base shape "--hidden 768 --layers 12 --heads
#   12 --ffn 3072 --seq 128" (tens of seconds a step here). Needs python3-torch,
#   libopenblas0-pthread and python3-threadpoolctl (installed when run as root).
# The last line is ratio_cpp_over_fastest_python=<median over runs of the fastest Python variant's
# time / the C++ time per step>, the C++ side in headline_cpp_precision (bf16 when PRECISIONS has
# it, else fp32) (> 1: C++ is faster). ratio_cpp_fp32_over_fastest_fp32_python compares float32
# with float32 only (autocast left out); ratio_cpp_over_python_reference_blas is the headline
# precision's C++ against nn.Linear on the reference BLAS.
set -euo pipefail

BUILD_DIR=${1:-build}
RUNS=${RUNS:-3}
STEPS=${STEPS:-2}
WARMUP=${WARMUP:-2}
THREADS=${THREADS:-2}
read -r -a PRECISION_LIST <<<"${PRECISIONS:-fp32 bf16}"
CONV_RUNS=${CONV_RUNS:-$RUNS}
AUTOCAST_RUNS=${AUTOCAST_RUNS:-$RUNS}
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
# faster (0.60 against 0.80 s here). OMP_WAIT_POLICY=default leaves it unset: libgomp's own
# default, spinning a while and then sleeping, what a user who sets nothing gets. Both languages
# always run under the same environment.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=$THREADS OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
if [[ $OMP_WAIT_POLICY == default ]]; then unset OMP_WAIT_POLICY; fi
# shellcheck disable=SC2206
ARGS=(--steps "$STEPS" --warmup "$WARMUP" --threads "$THREADS" ${SHAPE_ARGS:-})
HEADLINE=fp32
[[ " ${PRECISION_LIST[*]} " == *" bf16 "* ]] && HEADLINE=bf16

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2" | tail -1; }
median() {
    tr ' ' '\n' | sed '/^$/d' | sort -g |
        awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}
ratio() { awk -v p="$1" -v c="$2" 'BEGIN {printf "%.3f", p / c}'; }
# fastest NAME=TIME...: "NAME TIME" of the smallest TIME.
fastest() { tr ' ' '\n' | sed '/^$/d' | awk -F= 'NR == 1 || $2 < t {n = $1; t = $2} END {print n, t}'; }

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "bf16 flags: $(grep -o -m1 -w 'avx512_bf16\|amx_bf16' /proc/cpuinfo | sort -u | xargs)"
echo "# runs=$RUNS steps=$STEPS warmup=$WARMUP threads=$THREADS" \
     "OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-default}" \
     "precisions=${PRECISION_LIST[*]} load: $(cut -d' ' -f1-3 /proc/loadavg)"
# The GEMM peaks are measured before the runs and again after them, and the higher of the two is
# kept: on a shared machine one measurement can fall in a busy moment (half the peak, seen here),
# and a peak is a best case by definition.
declare -A peak peak_cpu
max_of() { awk -v a="$1" -v b="$2" 'BEGIN {print (a > b ? a : b)}'; }
measure_peaks() {
    local out
    out=$(with_blas openblas "$BENCH" --gemm-peak --threads "$THREADS")
    echo "$out"
    peak[fp32]=$(max_of "${peak[fp32]:-0}" "$(field gemm_peak_gflops "$out")")
    peak_cpu[fp32]=$(max_of "${peak_cpu[fp32]:-0}" "$(field gemm_peak_cpu_gflops "$out")")
    peak[bf16]=$(max_of "${peak[bf16]:-0}" "$(field gemm_bf16_peak_gflops "$out")")
    peak_cpu[bf16]=$(max_of "${peak_cpu[bf16]:-0}" "$(field gemm_bf16_peak_cpu_gflops "$out")")
}
measure_peaks

declare -A cpp_times cpp_cpu gflops cpu_gflops rss
ratios=() cpu_ratios=() fp32_ratios=() reference_ratios=() fastest_times=()
for run in $(seq 1 "$RUNS"); do
    # Alternate: C++ in each precision, then each Python variant.
    declare -A cpp_out=()
    for precision in "${PRECISION_LIST[@]}"; do
        cpp_out[$precision]=$(with_blas openblas "$BENCH" "${ARGS[@]}" --precision "$precision")
    done
    variants=(openblas)
    outputs=("$(with_blas openblas /usr/bin/python3 "$PYTHON_SCRIPT" "${ARGS[@]}" --linear nn)")
    if ((run <= AUTOCAST_RUNS)); then
        variants+=(openblas_autocast_bf16)
        outputs+=("$(with_blas openblas /usr/bin/python3 "$PYTHON_SCRIPT" "${ARGS[@]}" \
            --linear nn --autocast bf16)")
    fi
    if ((run <= REFERENCE_RUNS)); then
        variants+=(reference_blas)
        outputs+=("$(with_blas reference /usr/bin/python3 "$PYTHON_SCRIPT" "${ARGS[@]}" --linear nn)")
    fi
    if ((run <= CONV_RUNS)); then
        variants+=(onednn_conv)
        outputs+=("$(with_blas openblas /usr/bin/python3 "$PYTHON_SCRIPT" "${ARGS[@]}" --linear conv)")
    fi
    if ((run == 1)); then
        grep '^# blas' <<<"${cpp_out[${PRECISION_LIST[0]}]}" || true
        for i in "${!variants[@]}"; do sed "s/^# blas /# blas ${variants[i]}: /" \
            <<<"$(grep '^# blas' <<<"${outputs[i]}")"; done
    fi
    line="run $run:"
    for precision in "${PRECISION_LIST[@]}"; do
        out=${cpp_out[$precision]}
        cpp_times[$precision]+=" $(field median_step_s "$out")"
        cpp_cpu[$precision]+=" $(field median_cpu_s "$out")"
        gflops[$precision]+=" $(field achieved_gflops "$out")"
        cpu_gflops[$precision]+=" $(field achieved_cpu_gflops "$out")"
        rss[$precision]+=" $(field peak_rss_mib "$out")"
        line+=" cpp_${precision}_step_s=$(field median_step_s "$out")"
    done
    all=() all_cpu=() fp32_only=()
    for i in "${!variants[@]}"; do
        t=$(field median_step_s "${outputs[i]}")
        line+=" python_${variants[i]}_step_s=$t"
        all+=("${variants[i]}=$t")
        all_cpu+=("${variants[i]}=$(field median_cpu_s "${outputs[i]}")")
        [[ ${variants[i]} == *autocast* ]] || fp32_only+=("${variants[i]}=$t")
    done
    read -r fastest_name fastest_time <<<"$(echo "${all[*]}" | fastest)"
    fastest_cpu=$(echo "${all_cpu[*]}" | tr ' ' '\n' | sed -n "s/^$fastest_name=//p")
    read -r _ fastest_fp32 <<<"$(echo "${fp32_only[*]}" | fastest)"
    headline=$(field median_step_s "${cpp_out[$HEADLINE]}")
    fastest_times+=("$fastest_time")
    ratios+=("$(ratio "$fastest_time" "$headline")")
    cpu_ratios+=("$(ratio "$fastest_cpu" "$(field median_cpu_s "${cpp_out[$HEADLINE]}")")")
    if [[ -n ${cpp_out[fp32]:-} ]]; then
        fp32_ratios+=("$(ratio "$fastest_fp32" "$(field median_step_s "${cpp_out[fp32]}")")")
    fi
    for i in "${!variants[@]}"; do
        [[ ${variants[i]} == reference_blas ]] &&
            reference_ratios+=("$(ratio "$(field median_step_s "${outputs[i]}")" "$headline")")
    done
    echo "$line fastest_python=$fastest_name ratio=${ratios[-1]} cpu_ratio=${cpu_ratios[-1]}" \
         "python_rss_mib=$(field peak_rss_mib "${outputs[0]}")"
    unset cpp_out
done

measure_peaks
echo "gemm peaks kept (the higher of before and after): fp32 ${peak[fp32]} bf16 ${peak[bf16]}"
for precision in "${PRECISION_LIST[@]}"; do
    g=$(echo "${gflops[$precision]}" | median)
    cg=$(echo "${cpu_gflops[$precision]}" | median)
    echo "cpp_${precision}_median_step_s=$(echo "${cpp_times[$precision]}" | median)" \
         "cpp_${precision}_achieved_gflops=$g gemm_${precision}_peak_gflops=${peak[$precision]}" \
         "fraction_of_${precision}_peak=$(awk -v a="$g" -v p="${peak[$precision]}" \
         'BEGIN {printf "%.3f", a / p}')" \
         "fraction_of_${precision}_peak_by_cpu_time=$(awk -v a="$cg" -v p="${peak_cpu[$precision]}" \
         'BEGIN {printf "%.3f", a / p}')" \
         "cpp_${precision}_peak_rss_mib=$(echo "${rss[$precision]}" | tr ' ' '\n' | sort -g | tail -1)"
done
echo "fastest_python_median_step_s=$(echo "${fastest_times[*]}" | median)" \
     "ratio_by_cpu_time=$(echo "${cpu_ratios[*]}" | median)"
if ((${#fp32_ratios[@]} > 0)); then
    echo "ratio_cpp_fp32_over_fastest_fp32_python=$(echo "${fp32_ratios[*]}" | median)"
fi
if ((${#reference_ratios[@]} > 0)); then
    echo "ratio_cpp_over_python_reference_blas=$(echo "${reference_ratios[*]}" | median)"
fi
echo "headline_cpp_precision=$HEADLINE"
echo "ratio_cpp_over_fastest_python=$(echo "${ratios[*]}" | median)"
