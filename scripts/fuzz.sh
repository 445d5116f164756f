#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, ASan + UBSan) and runs each for SECONDS.
#
#   scripts/fuzz.sh SECONDS [--torch-free] [TARGET...]
#
#   SECONDS       how long each target runs (libFuzzer's -max_total_time)
#   --torch-free  only the targets that link no LibTorch (the data readers, TREC files, the
#                 store), built in build-fuzz-torch-free/; otherwise every target, in build-fuzz/
#   TARGET...     only these targets (names as in fuzz/CMakeLists.txt: lareqa, trec, ...)
#
# Each target starts from the seeds fuzz/make_seeds.py cuts from the repository (and from
# ../shared/datasets or $MTREC_DATASETS when present) and from its corpus of earlier runs
# (<build>/corpus/<target>, kept between runs). Runs use -rss_limit_mb=2048 -timeout=10 under
# `nice` (MTREC_NICE, default 10). Prints per target: seconds, executions, executions per second,
# corpus size, and what was found; a crash, hang, leak or memory blow-up is saved as
# <build>/artifacts/<target>-<kind>-<hash> and makes the script exit 1. Reproduce one with
# `<build>/fuzz/<target>_fuzzer <artifact>`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
[[ $# -ge 1 && "$1" =~ ^[0-9]+$ ]] || { usage >&2; exit 2; }
seconds="$1"; shift
torch_free=0
targets=()
for arg in "$@"; do
    case "$arg" in
        --torch-free) torch_free=1 ;;
        -h|--help) usage; exit 0 ;;
        *) targets+=("$arg") ;;
    esac
done

for tool in clang clang++; do
    command -v "$tool" >/dev/null ||
        { echo "fuzz.sh: $tool not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
done
if ! clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a | grep -q /; then
    echo "fuzz.sh: clang's libFuzzer runtime is missing (Debian: apt-get install libclang-rt-14-dev)" >&2
    exit 1
fi

build_dir="$root/build-fuzz"
(( torch_free )) && build_dir+="-torch-free"
(( torch_free )) || "$root/scripts/build-sentencepiece.sh"
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DMTREC_BUILD_FUZZ=ON -DMTREC_SANITIZE=address,undefined \
    -DMTREC_TORCH_FREE_ONLY="$torch_free" \
    -DMTREC_BUILD_TESTS=OFF -DMTREC_BUILD_GUI=OFF -DMTREC_BUILD_BENCH=OFF >/dev/null
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
echo "==> Building the fuzz targets in $build_dir"
nice -n "${MTREC_NICE:-10}" cmake --build "$build_dir" -j "${MTREC_JOBS:-$(nproc)}" \
    --target mtrec_fuzzers -- --no-print-directory

if (( ${#targets[@]} == 0 )); then
    mapfile -t targets < <(cd "$build_dir/fuzz" && ls ./*_fuzzer | sed 's|^\./||; s|_fuzzer$||')
fi
seeds="$build_dir/seeds"
rm -rf "$seeds"
python3 "$root/fuzz/make_seeds.py" "$seeds" \
    --datasets "${MTREC_DATASETS:-$root/../shared/datasets}" >/dev/null
mkdir -p "$build_dir/artifacts"

export ASAN_OPTIONS="${ASAN_OPTIONS:-$(grep -v -e '^#' -e '^$' "$root/scripts/sanitizers/asan.options" | paste -sd:)}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# stat VALUE LOG: libFuzzer's final statistic `stat::VALUE`.
stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }

found=0
printf '%-17s %6s %12s %9s %7s  %s\n' target seconds execs execs/s corpus result
for target in "${targets[@]}"; do
    exe="$build_dir/fuzz/${target}_fuzzer"
    [[ -x "$exe" ]] || { echo "fuzz.sh: no target '$target' in $build_dir/fuzz" >&2; exit 2; }
    corpus="$build_dir/corpus/$target"
    log="$build_dir/artifacts/$target.log"
    mkdir -p "$corpus"
    dict=()
    case "$target" in lareqa|mlqa|miracl|passages_jsonl|jsonl_pairs|training_config|safetensors|wordpiece|tokenizer_folder)
        dict=(-dict="$root/fuzz/dicts/json.dict") ;;
    esac
    start=$SECONDS
    status=0
    nice -n "${MTREC_NICE:-10}" "$exe" "$corpus" "$seeds/$target" "${dict[@]}" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$build_dir/artifacts/$target-" >"$log" 2>&1 || status=$?
    result="nothing found"
    if (( status != 0 )); then
        found=1
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        result="FOUND (exit $status): ${artifact:-see $log}"
    fi
    printf '%-17s %6d %12s %9s %7s  %s\n' "$target" $((SECONDS - start)) \
        "$(stat number_of_executed_units "$log")" "$(stat average_exec_per_sec "$log")" \
        "$(find "$corpus" -type f | wc -l)" "$result"
done
if (( found )); then
    echo "==> Something was found: the logs are in $build_dir/artifacts/<target>.log"
    exit 1
fi
