#!/usr/bin/env bash
# scripts/get-datasets.sh end to end without internet: a manifest of four tiny files (two direct, two
# members of one zip) whose URLs MTREC_DATASETS_MIRROR maps onto a file:// folder built here.
# Checks the layout it downloads, that a second run keeps what is there, that a second source is
# tried when the first is absent, that a corrupted download is reported as a checksum mismatch and
# never gets its final name, that --verify-only finds missing and altered files, and that an
# unreachable host fails quickly and is not tried again.
#
#   get_datasets_offline_test.sh REPO_ROOT
set -uo pipefail

repo=${1:?usage: get_datasets_offline_test.sh REPO_ROOT}
script="$repo/scripts/get-datasets.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

expect_line() {  # OUTPUT LINE: OUTPUT holds LINE as a whole line
    grep -qxF -- "$2" <<<"$1" || fail "expected the line '$2' in:"$'\n'"$1"
}

expect_status() {  # WANTED GOT WHAT
    [[ $1 == "$2" ]] || fail "$3: exit status $2, expected $1"
}

expect_file() {  # PATH CONTENT
    if [[ ! -f $1 ]]; then fail "$1 was not created"
    elif [[ $(cat "$1") != "$2" ]]; then fail "$1 holds '$(cat "$1")', expected '$2'"; fi
}

# sha256("hello\n") = 5891b5b5..., the well-known value; the others were computed once with sha256sum.
write_manifest() {
    cat >"$tmp/manifest" <<'EOF'
# fixture manifest
alpha alpha/en.txt 6 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03 https://data.example/alpha/en.txt
alpha alpha/de.txt 6 622cb3371c1a08096eaac564fb59acccda1fcdbe13a9dd10b486e6463c8c2525 https://data.example/gone/de.txt
alpha alpha/de.txt 6 622cb3371c1a08096eaac564fb59acccda1fcdbe13a9dd10b486e6463c8c2525 https://data.example/alpha/de.txt
beta beta/dev/topics.tsv 15 276f836472d980e545d932dadf47d002b744e42ac0a6b9d971b0228d10f0f0e2 https://archive.example/beta.zip beta-v1/dev/topics.tsv
beta beta/dev/en.json 13 0345797eb7c9a8572a37748670cd59d03232674f0df8b9bdb5ae61d77a1c07eb https://archive.example/beta.zip beta-v1/dev/en.json
EOF
}

build_mirror() {
    local m="$tmp/mirror"
    mkdir -p "$m/data.example/alpha" "$m/archive.example" "$tmp/zip/beta-v1/dev"
    printf 'hello\n' >"$m/data.example/alpha/en.txt"
    printf 'hallo\n' >"$m/data.example/alpha/de.txt"
    printf 'q1\tWhat is it?\n' >"$tmp/zip/beta-v1/dev/topics.tsv"
    printf '{"data": []}\n' >"$tmp/zip/beta-v1/dev/en.json"
    python3 - "$tmp/zip" "$m/archive.example/beta.zip" <<'EOF'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[2], "w") as z:
    for member in ("beta-v1/dev/topics.tsv", "beta-v1/dev/en.json"):
        z.write(os.path.join(sys.argv[1], member), member)
EOF
}

run_get() {  # ARGS...: runs the script against the mirror; sets out and status
    out=$(MTREC_DATASETS_MIRROR="file://$tmp/mirror" "$script" --manifest "$tmp/manifest" "$@" 2>&1)
    status=$?
}

test_fresh_download_gives_the_layout() {
    run_get --dest "$tmp/data"
    expect_status 0 "$status" "fresh download"
    expect_line "$out" "alpha/en.txt: downloaded from https://data.example/alpha/en.txt"
    expect_line "$out" "alpha/de.txt: downloaded from https://data.example/alpha/de.txt"
    expect_line "$out" "beta/dev/topics.tsv: downloaded from https://archive.example/beta.zip (beta-v1/dev/topics.tsv)"
    expect_line "$out" "beta/dev/en.json: downloaded from https://archive.example/beta.zip (beta-v1/dev/en.json)"
    expect_line "$out" "4 files: 0 already present, 4 downloaded, 0 failed or wrong."
    [[ $(grep -c "downloading https://archive.example/beta.zip once" <<<"$out") == 1 ]] ||
        fail "the zip should be fetched once for both members:"$'\n'"$out"
    expect_file "$tmp/data/alpha/en.txt" "hello"
    expect_file "$tmp/data/alpha/de.txt" "hallo"
    expect_file "$tmp/data/beta/dev/topics.tsv" $'q1\tWhat is it?'
    expect_file "$tmp/data/beta/dev/en.json" '{"data": []}'
    local listing
    listing=$(cd "$tmp/data" && find . -mindepth 1 | sort | tr '\n' ' ')
    [[ $listing == "./alpha ./alpha/de.txt ./alpha/en.txt ./beta ./beta/dev ./beta/dev/en.json ./beta/dev/topics.tsv " ]] ||
        fail "unexpected files in the destination (temporary files left?): $listing"
}

test_second_run_keeps_what_is_there() {
    run_get --dest "$tmp/data"
    expect_status 0 "$status" "second run"
    expect_line "$out" "alpha/en.txt: already present"
    expect_line "$out" "beta/dev/en.json: already present"
    expect_line "$out" "4 files: 4 already present, 0 downloaded, 0 failed or wrong."
    grep -q "once for its members" <<<"$out" && fail "the zip was fetched though nothing was missing"
}

test_corrupted_download_is_not_moved_into_place() {
    printf 'jello\n' >"$tmp/mirror/data.example/alpha/en.txt"
    rm "$tmp/data/alpha/en.txt"
    run_get --dest "$tmp/data" --only alpha
    expect_status 1 "$status" "corrupted download"
    expect_line "$out" "alpha/en.txt: checksum mismatch: expected 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03 got 8b128914480c08c1d7a9c8a8ef78487f4f21cbc802a8134aa3850c9501571a15 from https://data.example/alpha/en.txt (not moved into place)"
    expect_line "$out" "alpha/de.txt: already present"
    expect_line "$out" "2 files: 1 already present, 0 downloaded, 1 failed or wrong."
    [[ -e $tmp/data/alpha/en.txt ]] && fail "the corrupted file was moved into place"
    compgen -G "$tmp/data/.get-datasets.*" >/dev/null && fail "a temporary folder was left behind"
    printf 'hello\n' >"$tmp/mirror/data.example/alpha/en.txt"
}

test_verify_only_finds_missing_and_altered_files() {
    printf 'jello\n' >"$tmp/data/beta/dev/topics.tsv.new"
    mv "$tmp/data/beta/dev/topics.tsv.new" "$tmp/data/beta/dev/en.json"  # altered, 6 bytes
    run_get --dest "$tmp/data" --verify-only
    expect_status 1 "$status" "verify-only"
    expect_line "$out" "alpha/en.txt: missing"
    expect_line "$out" "alpha/de.txt: ok"
    expect_line "$out" "beta/dev/topics.tsv: ok"
    expect_line "$out" "beta/dev/en.json: size mismatch: expected 13 bytes got 6"
    expect_line "$out" "4 files checked: 2 correct, 2 missing or wrong."
    [[ -e $tmp/data/alpha/en.txt ]] && fail "--verify-only downloaded a file"
    # A wrong file present is downloaded again and replaced.
    run_get --dest "$tmp/data"
    expect_status 0 "$status" "repair"
    expect_line "$out" "beta/dev/en.json: present but wrong (size mismatch: expected 13 bytes got 6), downloading it again"
    expect_file "$tmp/data/beta/dev/en.json" '{"data": []}'
}

test_unreachable_host_fails_quickly_once() {
    cat >"$tmp/unreachable" <<'EOF'
far far/a.txt 6 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03 http://127.0.0.1:9/far/a.txt
far far/b.txt 6 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03 http://127.0.0.1:9/far/b.txt
EOF
    local started=$SECONDS
    out=$("$script" --manifest "$tmp/unreachable" --dest "$tmp/far" 2>&1)
    status=$?
    expect_status 1 "$status" "unreachable host"
    grep -qx "far/a.txt: failed: http://127.0.0.1:9/far/a.txt: curl: (7) .*" <<<"$out" ||
        fail "expected curl's connection error for far/a.txt in:"$'\n'"$out"
    expect_line "$out" "far/b.txt: failed: http://127.0.0.1:9/far/b.txt: not tried, 127.0.0.1:9 could not be reached earlier in this run"
    ((SECONDS - started < 30)) || fail "an unreachable host took $((SECONDS - started)) s"
    [[ -z $(find "$tmp/far" -type f) ]] || fail "files were left in $tmp/far"
}

test_usage_errors() {
    run_get --dest "$tmp/data" --only nosuchset
    expect_status 2 "$status" "--only with an unknown name"
    expect_line "$out" "get-datasets: unknown data set 'nosuchset' (known: alpha beta )"
    printf 'alpha alpha/en.txt six\n' >"$tmp/bad-manifest"
    out=$("$script" --manifest "$tmp/bad-manifest" --verify-only --dest "$tmp/data" 2>&1)
    expect_status 2 "$?" "a malformed manifest"
    expect_line "$out" "get-datasets: $tmp/bad-manifest:1: expected '<data set> <path> <size> <sha256> <url> [<member>]'"
}

command -v curl >/dev/null || { echo "curl is not installed; skipping"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is not installed; skipping"; exit 77; }
write_manifest
build_mirror
test_fresh_download_gives_the_layout
test_second_run_keeps_what_is_there
test_corrupted_download_is_not_moved_into_place
test_verify_only_finds_missing_and_altered_files
test_unreachable_host_fails_quickly_once
test_usage_errors
if ((failures)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
