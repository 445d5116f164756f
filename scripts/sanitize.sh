#!/usr/bin/env bash
# Builds the project with sanitizers in a folder of its own and runs its tests there.
#
#   scripts/sanitize.sh [address,undefined | thread] [--torch-free] [-- CTEST_ARGS...]
#
#   address,undefined  (default) ASan + UBSan, every test: build-asan/
#   thread             TSan, the tests that run threads (store writers and readers, the parallel
#                      ranking, training jobs cancelled from another thread, the trainer and
#                      data-parallel training): build-tsan/
#   --torch-free       only the areas that link no LibTorch (common, data, eval, store, analysis,
#                      report) and their tests (-DMTREC_TORCH_FREE_ONLY=ON): build-asan-torch-free/
#                      or build-tsan-torch-free/. This is what CI runs on every submission.
#
# Arguments after -- go to ctest (e.g. -R mtrec_store_tests; with thread, a -R there replaces the
# list of built tests, so name only those). Builds run under `nice` (MTREC_NICE, default 10) with
# MTREC_JOBS jobs (default: the number of cores). The runtime options and the suppressions are in
# scripts/sanitizers/ (docs/robustness.md says why each is there).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sanitizers="address,undefined"
torch_free=0
ctest_args=()
while (( $# )); do
    case "$1" in
        --torch-free) torch_free=1 ;;
        --) shift; ctest_args=("$@"); break ;;
        -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        address|address,undefined|undefined,address|undefined|thread) sanitizers="$1" ;;
        *) echo "sanitize.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

kind=asan
[[ "$sanitizers" == thread ]] && kind=tsan
build_dir="$root/build-$kind"
(( torch_free )) && build_dir+="-torch-free"

# The test executables that start threads; TSan builds and runs only these.
thread_targets=(mtrec_store_tests mtrec_eval_tests mtrec_analysis_tests)
# With LibTorch also: a training job cancelled from another thread, the trainer's tests, and
# data-parallel training (Gloo threads summing gradients while backward runs). Not the GUI's export
# thread (mtrec_trec_export_tests): Debian's Qt is not instrumented and Qt 6 synchronises threads
# with futexes inside libQt6Core, so every hand-off through a QThread or a queued signal is
# reported as a race (docs/robustness.md).
(( torch_free )) || thread_targets+=(mtrec_experiment_tests mtrec_trainer_tests
    mtrec_data_parallel_unit_tests mtrec_train_cli_tests mtrec_data_parallel_cli_tests)
# Executables those tests start as processes of their own (the CLI tests run app/mtrec).
started_targets=()
(( torch_free )) || started_targets=(mtrec)

if (( ! torch_free )); then
    "$root/scripts/build-sentencepiece.sh"
fi
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    echo "==> Configuring $build_dir (-fsanitize=$sanitizers)"
fi
# Re-running cmake on a configured folder only refreshes the cache (sub-second when unchanged).
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMTREC_SANITIZE="$sanitizers" -DMTREC_TORCH_FREE_ONLY="$(( torch_free ))" \
    -DMTREC_BUILD_BENCH=OFF >/dev/null

export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
jobs="${MTREC_JOBS:-$(nproc)}"
build=(nice -n "${MTREC_NICE:-10}" cmake --build "$build_dir" -j "$jobs")
echo "==> Building $build_dir"
if [[ "$kind" == tsan ]]; then
    "${build[@]}" --target "${thread_targets[@]}" "${started_targets[@]}" -- --no-print-directory
    # Only the executables built above: ctest would report the others as "Not Run".
    regex="^($(IFS='|'; echo "${thread_targets[*]}"))\$"
    ctest_args=(-R "$regex" "${ctest_args[@]}")
else
    "${build[@]}" -- --no-print-directory
fi

supp="$root/scripts/sanitizers"
export ASAN_OPTIONS="${ASAN_OPTIONS:-$(grep -v -e '^#' -e '^$' "$supp/asan.options" | paste -sd:)}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$supp/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp}"
export QT_QPA_PLATFORM=offscreen

echo "==> Running tests under -fsanitize=$sanitizers"
cd "$build_dir"
ctest --output-on-failure -j "$jobs" "${ctest_args[@]}"
