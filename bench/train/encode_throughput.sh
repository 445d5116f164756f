#!/bin/sh
# Encoding throughput, C++ (model::embedIds) against Python PyTorch on the same torch build and the
# same token-id rows, run alternately; prints every run, then the medians and, last,
#   ratio_cpp_over_python=<median C++ rate / median Python rate>
# Usage: bench/train/encode_throughput.sh [BUILD_DIR] [THREADS] [TEXTS] [ROUNDS]
#   defaults: build 1 256 3. Python with plain nn.Linear runs on Debian's reference BLAS and is
#   slow (about 5 texts/s on one core here): keep TEXTS modest.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../../build"}
threads=${2:-1}
texts=${3:-256}
rounds=${4:-3}
python=/usr/bin/python3
exe="$build/bench/train/mtrec_bench_encode_throughput"
[ -x "$exe" ] || { echo "no $exe: build the target mtrec_bench_encode_throughput first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS="$threads"
"$python" "$here/encode_throughput.py" --make-inputs "$work/ids.txt" --texts "$texts"
echo "threads=$threads texts=$texts rounds=$rounds ($(nproc --all) cores)"
for round in $(seq "$rounds"); do
    "$exe" --inputs "$work/ids.txt" --threads "$threads" | tee -a "$work/log"
    "$python" "$here/encode_throughput.py" --inputs "$work/ids.txt" --threads "$threads" | tee -a "$work/log"
    "$python" "$here/encode_throughput.py" --inputs "$work/ids.txt" --threads "$threads" --mkldnn | tee -a "$work/log"
done
"$python" - "$work/log" <<'PY'
import statistics, sys
rates = {}
for line in open(sys.argv[1]):
    name, rate = line.split()[:2]
    rates.setdefault(name, []).append(float(rate.split("=")[1]))
median = {name: statistics.median(values) for name, values in rates.items()}
for name, value in median.items():
    print(f"median {name} texts_per_s={value:.1f}")
print(f"ratio_cpp_over_python_mkldnn={median['cpp'] / median['python_mkldnn']:.2f}")
print(f"ratio_cpp_over_python={median['cpp'] / median['python']:.2f}")
PY
