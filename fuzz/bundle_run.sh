#!/usr/bin/env bash
# Runs every fuzz target of a bundle made by scripts/fuzz-bundle.sh: INSTANCES processes per target,
# SECONDS each, through the bundle's own loader and libraries. Results go to $OUT (default
# ./fuzz-results): artifacts/ holds any find, corpus.tar.xz the grown corpora and the logs.
#
#   OUT=DIR run.sh SECONDS INSTANCES
set -u
seconds="${1:?seconds}" instances="${2:?instances per target}"
here="$(cd "$(dirname "$0")" && pwd)"
out="${OUT:-$PWD/fuzz-results}"
lib="$here/lib"
mkdir -p "$here/logs" "$out/artifacts"
ASAN_OPTIONS="$(cat "$here/asan_options")"
export ASAN_OPTIONS UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
echo "host: $(nproc) cores; $(ldd --version 2>&1 | head -1)"
for exe in "$here"/bin/*_fuzzer; do
    target="$(basename "$exe" _fuzzer)"
    dict=()
    case "$target" in lareqa | mlqa | miracl | passages_jsonl | jsonl_pairs)
        dict=(-dict="$here/json.dict") ;;
    esac
    mkdir -p "$here/corpus/$target" "$here/seeds/$target"
    for i in $(seq 1 "$instances"); do
        # Instances share the corpus folder (each adds what it finds) with seeds of their own.
        "$lib/ld-linux-x86-64.so.2" --library-path "$lib" "$exe" "$here/corpus/$target" \
            "$here/seeds/$target" "${dict[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 \
            -timeout=10 -print_final_stats=1 -seed=$((1000 + i)) \
            -artifact_prefix="$out/artifacts/$target-$i-" >"$here/logs/$target-$i.log" 2>&1 &
    done
done
wait
printf '%-20s %12s %9s\n' instance execs execs/s
for log in "$here"/logs/*.log; do
    printf '%-20s %12s %9s\n' "$(basename "$log" .log)" \
        "$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")" \
        "$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")"
done
found="$(find "$out/artifacts" -type f | wc -l)"
echo "finds: $found"
find "$out/artifacts" -type f
tar -C "$here" -cJf "$out/corpus.tar.xz" corpus logs
[[ "$found" == 0 ]]
