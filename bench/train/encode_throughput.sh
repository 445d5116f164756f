#!/usr/bin/env bash
# Encoding throughput for evaluation (no gradients, length-sorted batches), C++ (model::embedIds)
# against Python PyTorch on the same torch build and the same token-id rows, run alternately. The C++
# side runs in fp32 and with bf16 GEMMs in the Linear layers (--precision bf16). Python runs in four
# variants every round, each a user could pick: nn.Linear on Debian's reference BLAS (a fresh
# machine), nn.Linear on OpenBLAS (the fastest BLAS Debian offers), Linears converted with
# torch.utils.mkldnn (oneDNN, on OpenBLAS), and nn.Linear on OpenBLAS under
# torch.autocast("cpu", bfloat16). Every process prints the BLAS it mapped. Prints every round, then
# the medians and, last,
#   ratio_cpp_over_fastest_python=<median C++ bf16 rate / the fastest Python variant's median rate>
# (any precision), with ratio_cpp_fp32_over_fastest_fp32_python (float32 on both sides, autocast
# left out) and ratio_cpp_over_python_reference_blas (C++ bf16) before it.
# Usage: bench/train/encode_throughput.sh [BUILD_DIR] [THREADS] [TEXTS] [ROUNDS]
#   defaults: build 1 256 3. Python on the reference BLAS is slow (about 5 texts/s on one core
#   here): keep TEXTS modest, or REFERENCE_ROUNDS=0 to leave it out. SHAPE_ARGS gives both sides
#   another encoder shape, e.g. XLM-R base's "--hidden 768 --layers 12 --heads 12 --ffn 3072". Needs python3-torch, libopenblas0-pthread and python3-threadpoolctl
#   (installed when run as root).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../../build"}
threads=${2:-1}
texts=${3:-256}
rounds=${4:-3}
python=/usr/bin/python3
exe="$build/bench/train/mtrec_bench_encode_throughput"
[[ -x "$exe" ]] || { echo "no $exe: build the target mtrec_bench_encode_throughput first" >&2; exit 1; }
# shellcheck source=bench/blas_variants.sh
source "$here/../blas_variants.sh"
require_bench_packages
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS="$threads"
"$python" "$here/encode_throughput.py" --make-inputs "$work/ids.txt" --texts "$texts"
echo "threads=$threads texts=$texts rounds=$rounds shape: ${SHAPE_ARGS:-default}" \
     "($(nproc --all) cores," \
     "load $(cut -d' ' -f1-3 /proc/loadavg))"
reference_rounds=${REFERENCE_ROUNDS:-$rounds}
# shellcheck disable=SC2206
shape=(${SHAPE_ARGS:-})
python_run() {  # BLAS LABEL [--mkldnn | --autocast bf16]
    local blas=$1 label=$2
    shift 2
    with_blas "$blas" "$python" "$here/encode_throughput.py" --inputs "$work/ids.txt" \
        --threads "$threads" --label "$label" "${shape[@]}" "$@"
}
for round in $(seq "$rounds"); do
    for precision in fp32 bf16; do
        with_blas openblas "$exe" --inputs "$work/ids.txt" --threads "$threads" \
            --precision "$precision" "${shape[@]}" | tee -a "$work/log"
    done
    if ((round <= reference_rounds)); then
        python_run reference python_reference_blas | tee -a "$work/log"
    fi
    python_run openblas python_openblas | tee -a "$work/log"
    python_run openblas python_onednn --mkldnn | tee -a "$work/log"
    python_run openblas python_openblas_autocast_bf16 --autocast bf16 | tee -a "$work/log"
done
"$python" - "$work/log" <<'PY'
import statistics, sys
rates = {}
for line in open(sys.argv[1]):
    if line.startswith("#"):
        continue
    name, rate = line.split()[:2]
    rates.setdefault(name, []).append(float(rate.split("=")[1]))
median = {name: statistics.median(values) for name, values in rates.items()}
for name, value in median.items():
    print(f"median {name} texts_per_s={value:.1f}")
pythons = [name for name in median if name.startswith("python")]
fastest = max(pythons, key=median.get)
fastest_fp32 = max((name for name in pythons if "autocast" not in name), key=median.get)
print(f"fastest_python={fastest} fastest_fp32_python={fastest_fp32}")
print(f"ratio_cpp_fp32_over_fastest_fp32_python={median['cpp_fp32'] / median[fastest_fp32]:.2f}")
if "python_reference_blas" in median:
    print(f"ratio_cpp_over_python_reference_blas="
          f"{median['cpp_bf16'] / median['python_reference_blas']:.2f}")
print("headline_cpp_precision=bf16")
print(f"ratio_cpp_over_fastest_python={median['cpp_bf16'] / median[fastest]:.2f}")
PY
