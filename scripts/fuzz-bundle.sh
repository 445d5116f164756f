#!/usr/bin/env bash
# Packs the torch-free fuzz targets into one archive that runs on any x86-64 Linux machine, to fuzz
# on more cores than this one has, and merges what such a run found back into the local corpora.
#
#   scripts/fuzz-bundle.sh pack BUNDLE.tar.xz
#   scripts/fuzz-bundle.sh merge RESULT.tar.xz
#
#   pack   needs build-fuzz-torch-free/ (made by `scripts/fuzz.sh SECONDS --torch-free`). Takes the
#          eight targets, every library they load (the C library and its loader too, so the host's
#          own glibc does not matter), the seeds, the corpora and the JSON dictionary. On the other
#          machine:  mkdir b && tar -C b -xJf BUNDLE.tar.xz && OUT=results b/run.sh SECONDS INSTANCES
#          runs INSTANCES processes per target for SECONDS each (2 x 8 fills 16 cores), prints each
#          one's executions and executions per second, leaves any crash, hang or leak in
#          $OUT/artifacts/ and the grown corpora and logs in $OUT/corpus.tar.xz.
#   merge  copies the corpora of such a RESULT.tar.xz into build-fuzz-torch-free/corpus/ and prints,
#          per target, the corpus size and the edge coverage (libFuzzer's cov) at its end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-fuzz-torch-free"
usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
[[ $# -eq 2 ]] || { usage >&2; exit 2; }
command="$1" archive="$(realpath -m "$2")"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

pack() {
    [[ -d "$build/fuzz" ]] ||
        { echo "fuzz-bundle.sh: no $build: run scripts/fuzz.sh 10 --torch-free first" >&2; exit 1; }
    mkdir -p "$stage/bin" "$stage/lib"
    cp "$build"/fuzz/*_fuzzer "$stage/bin/"
    # Every library the targets load, by the path the loader resolves here (copies, not links).
    ldd "$stage"/bin/*_fuzzer | awk '/=> \// {print $3} /^\t\/.*ld-linux/ {print $1}' | sort -u |
        while read -r library; do cp -L "$library" "$stage/lib/"; done
    cp -r "$build/seeds" "$stage/seeds"
    mkdir -p "$build/corpus" && cp -r "$build/corpus" "$stage/corpus"
    cp "$root/fuzz/dicts/json.dict" "$stage/"
    grep -v -e '^#' -e '^$' "$root/scripts/sanitizers/asan.options" | paste -sd: >"$stage/asan_options"
    cp "$root/fuzz/bundle_run.sh" "$stage/run.sh"
    tar -C "$stage" -cJf "$archive" .
    echo "wrote $archive ($(du -h "$archive" | cut -f1))"
}

merge() {
    tar -C "$stage" -xJf "$archive"
    printf '%-17s %7s  %s\n' target corpus "cov at the end (first instance)"
    for corpus in "$stage"/corpus/*/; do
        local target
        target="$(basename "$corpus")"
        mkdir -p "$build/corpus/$target"
        cp -n "$corpus"* "$build/corpus/$target/" 2>/dev/null || true
        local cov=""
        [[ -f "$stage/logs/$target-1.log" ]] &&
            cov="$(grep -o 'cov: [0-9]*' "$stage/logs/$target-1.log" | tail -1)"
        printf '%-17s %7s  %s\n' "$target" "$(find "$build/corpus/$target" -type f | wc -l)" "$cov"
    done
}

case "$command" in
    pack) pack ;;
    merge) merge ;;
    *) usage >&2; exit 2 ;;
esac
