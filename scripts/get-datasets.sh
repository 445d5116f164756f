#!/usr/bin/env bash
# Downloads the public data sets mTREC reads (XQuAD-R, XQuAD, MLQA, LAReQA's MLQA-R, LASER's
# Tatoeba, MIRACL dev topics and qrels) from their public homes into a folder laid out like
# ../shared/datasets, and checks every file's size and SHA-256 against scripts/datasets.manifest.
#
#   scripts/get-datasets.sh [--dest DIR] [--only NAME...] [--verify-only] [--manifest FILE]
#
#   --dest DIR       where the data goes (default: ../shared/datasets beside the repository, the
#                    folder the example configs and the tests read)
#   --only NAME...   only these data sets: xquad-r xquad mlqa mlqa-r laser-tatoeba miracl
#   --verify-only    download nothing; check the files already in DIR
#   --manifest FILE  another manifest (default: scripts/datasets.manifest)
#
# A file already present with the right size and checksum is kept. Each download goes to a
# temporary file inside DIR and is renamed into place only once its size and checksum are right,
# so no half or wrong file ever has a final name. A path with several sources in the manifest
# tries them in order. A host that cannot be reached is not tried again in the same run.
#
# Environment: MTREC_DATASETS_MIRROR=BASE fetches every URL scheme://host/path from BASE/host/path
# instead (a local copy, e.g. file:///srv/mirror; the tests use it to download offline).
#
# Exit status: 0 when every file is present and correct, 1 when any is missing or wrong, 2 for a
# usage error.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="$root/scripts/datasets.manifest"
dest="$root/../shared/datasets"
mirror="${MTREC_DATASETS_MIRROR:-}"
verify_only=0
only=()

usage() {
    sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed -e '/^set -uo/d' -e 's/^# \{0,1\}//'
}

die() {
    echo "get-datasets: $*" >&2
    exit 2
}

parse_arguments() {
    while (($#)); do
        case "$1" in
            --dest) (($# >= 2)) || die "--dest needs a folder"; dest="$2"; shift 2 ;;
            --manifest) (($# >= 2)) || die "--manifest needs a file"; manifest="$2"; shift 2 ;;
            --verify-only) verify_only=1; shift ;;
            --only)
                shift
                while (($#)) && [[ $1 != --* ]]; do only+=("$1"); shift; done
                ((${#only[@]})) || die "--only needs at least one data set name" ;;
            -h | --help) usage; exit 0 ;;
            *) die "unknown argument '$1' (see --help)" ;;
        esac
    done
}

# ---- the manifest ------------------------------------------------------------------------------

paths=()            # in manifest order, each once
declare -A set_of   # path -> data set name
declare -A size_of  # path -> size in bytes
declare -A sha_of   # path -> sha256
declare -A sources  # path -> its sources, one "url [member]" a line

read_manifest() {
    [[ -r $manifest ]] || die "cannot read the manifest $manifest"
    local name path size sha url member extra number=0
    while read -r name path size sha url member extra; do
        number=$((number + 1))
        [[ -z $name || $name == \#* ]] && continue
        [[ -n $url && -z $extra && $size =~ ^[0-9]+$ && $sha =~ ^[0-9a-f]{64}$ ]] ||
            die "$manifest:$number: expected '<data set> <path> <size> <sha256> <url> [<member>]'"
        if [[ -z ${set_of[$path]+set} ]]; then
            paths+=("$path")
            set_of[$path]=$name size_of[$path]=$size sha_of[$path]=$sha
        elif [[ ${size_of[$path]} != "$size" || ${sha_of[$path]} != "$sha" ]]; then
            die "$manifest:$number: $path listed again with another size or checksum"
        fi
        sources[$path]+="$url${member:+ $member}"$'\n'
    done <"$manifest"
    ((${#paths[@]})) || die "the manifest $manifest lists no files"
}

check_only_names() {
    local name known
    known=" $(printf '%s\n' "${set_of[@]}" | sort -u | tr '\n' ' ')"
    for name in "${only[@]}"; do
        [[ $known == *" $name "* ]] || die "unknown data set '$name' (known:$known)"
    done
}

selected() {
    ((${#only[@]})) || return 0
    local name
    for name in "${only[@]}"; do [[ $name == "${set_of[$1]}" ]] && return 0; done
    return 1
}

# ---- checking a file ---------------------------------------------------------------------------

file_size() {
    stat -c %s "$1" 2>/dev/null || wc -c <"$1" | tr -d ' '
}

file_sha256() {
    local sum
    if command -v sha256sum >/dev/null; then read -r sum _ < <(sha256sum "$1")
    else read -r sum _ < <(shasum -a 256 "$1"); fi
    echo "$sum"
}

# Succeeds silently when FILE has the size and checksum of the manifest's PATH; else prints why
# not and fails.
matches_manifest() {
    local file=$1 path=$2 size sha
    size=$(file_size "$file")
    if [[ $size != "${size_of[$path]}" ]]; then
        echo "size mismatch: expected ${size_of[$path]} bytes got $size"
        return 1
    fi
    sha=$(file_sha256 "$file")
    if [[ $sha != "${sha_of[$path]}" ]]; then
        echo "checksum mismatch: expected ${sha_of[$path]} got $sha"
        return 1
    fi
}

# ---- fetching ----------------------------------------------------------------------------------

work=""             # temporary folder inside dest (same file system: renames are atomic)
declare -A dead_host       # host -> why it could not be reached
declare -A archive_file    # archive url -> its downloaded copy
declare -A archive_error   # archive url -> why it could not be downloaded
fetch_error=""

mirrored() {
    if [[ -n $mirror ]]; then echo "${mirror%/}/${1#*://}"; else echo "$1"; fi
}

host_of() {  # "" for file:///path
    local rest=${1#*://}
    echo "${rest%%/*}"
}

# Downloads URL into OUT; on failure sets fetch_error and fails.
fetch() {
    local url=$1 out=$2 host status
    host=$(host_of "$url")
    host=${host:-localhost}
    if [[ -n ${dead_host[$host]+set} ]]; then
        fetch_error="$url: not tried, $host ${dead_host[$host]} earlier in this run"
        return 1
    fi
    if command -v curl >/dev/null; then
        curl --fail --silent --show-error --location --retry 2 --retry-delay 2 \
             --connect-timeout 15 --max-time 1800 --output "$out" "$url" 2>"$work/curl.err"
        status=$?
        ((status == 0)) && return 0
        fetch_error="$url: $(tail -n 1 "$work/curl.err")"
        # Could not resolve, could not connect, timed out: the host is unreachable.
        case $status in 6) dead_host[$host]="could not be resolved" ;;
                        7 | 28) dead_host[$host]="could not be reached" ;; esac
    else
        wget --quiet --tries=3 --timeout=15 --output-document="$out" "$url" 2>"$work/curl.err" &&
            return 0
        fetch_error="$url: wget failed (exit $?)"
    fi
    rm -f "$out"
    return 1
}

# Downloads the zip at URL once per run into archive_path (the same copy for every member).
archive_path=""
archives_fetched=0
fetch_archive() {
    local url=$1 copy
    if [[ -z ${archive_file[$url]+set} && -z ${archive_error[$url]+set} ]]; then
        archives_fetched=$((archives_fetched + 1))
        copy="$work/archive-$archives_fetched.zip"
        echo "  (downloading $url once for its members)"
        if fetch "$(mirrored "$url")" "$copy"; then archive_file[$url]=$copy
        else archive_error[$url]=$fetch_error; fi
    fi
    if [[ -n ${archive_error[$url]+set} ]]; then
        fetch_error=${archive_error[$url]}
        return 1
    fi
    archive_path=${archive_file[$url]}
}

extract_member() {
    local zip=$1 member=$2 out=$3
    if command -v unzip >/dev/null; then
        unzip -p "$zip" "$member" >"$out" 2>/dev/null && [[ -s $out ]] && return 0
    else
        python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' \
            "$zip" "$member" >"$out" 2>/dev/null && return 0
    fi
    fetch_error="$member: not in the archive (or the archive is damaged)"
    return 1
}

# Gets one source ("url" or "url member") into OUT; on failure sets fetch_error and fails.
fetch_source() {
    local url=$1 member=$2 out=$3
    if [[ -z $member ]]; then
        fetch "$(mirrored "$url")" "$out"
        return
    fi
    fetch_archive "$url" || return 1
    extract_member "$archive_path" "$member" "$out"
}

# ---- one file ----------------------------------------------------------------------------------

count_ok=0 count_downloaded=0 count_bad=0

report() {
    echo "$1: $2"
}

verify_file() {
    local path=$1 why
    if [[ ! -f $dest/$path ]]; then
        report "$path" "missing"
    elif why=$(matches_manifest "$dest/$path" "$path"); then
        report "$path" "ok"
        count_ok=$((count_ok + 1))
        return
    else
        report "$path" "$why"
    fi
    count_bad=$((count_bad + 1))
}

download_file() {
    local path=$1 part="$work/part" url member why reasons=()
    if [[ -f $dest/$path ]]; then
        if why=$(matches_manifest "$dest/$path" "$path"); then
            report "$path" "already present"
            count_ok=$((count_ok + 1))
            return
        fi
        echo "$path: present but wrong ($why), downloading it again"
    fi
    while read -r url member; do
        [[ -z $url ]] && continue
        if ! fetch_source "$url" "$member" "$part"; then
            reasons+=("$fetch_error")
        elif why=$(matches_manifest "$part" "$path"); then
            if ! mkdir -p "$(dirname "$dest/$path")" || ! mv -f "$part" "$dest/$path"; then
                reasons+=("cannot move it into $dest/$path")
                continue
            fi
            report "$path" "downloaded from $url${member:+ ($member)}"
            count_downloaded=$((count_downloaded + 1))
            return
        else
            reasons+=("$why from $url${member:+ ($member)}")
        fi
        rm -f "$part"
    done <<<"${sources[$path]}"
    if ((${#reasons[@]} == 1)) && [[ ${reasons[0]} == *mismatch:* ]]; then
        report "$path" "${reasons[0]} (not moved into place)"
    else
        local joined
        joined=$(printf '%s; ' "${reasons[@]}")
        report "$path" "failed: ${joined%; }"
    fi
    count_bad=$((count_bad + 1))
}

# ---- the run -----------------------------------------------------------------------------------

summary() {
    local total=$((count_ok + count_downloaded + count_bad))
    echo
    if ((verify_only)); then
        echo "$total files checked: $count_ok correct, $count_bad missing or wrong."
    else
        echo "$total files: $count_ok already present, $count_downloaded downloaded," \
             "$count_bad failed or wrong."
    fi
    echo "Data folder: $dest"
    if ((count_bad)); then
        echo "Some files are missing or wrong; run scripts/get-datasets.sh again (it keeps the good ones)."
        return
    fi
    if [[ $dest == "$(cd "$root/.." && pwd)/shared/datasets" ]]; then
        cat <<EOF
This is where the example configs (run from the repository root) and the tests look: nothing to set.
Evaluate on all of it with: build/app/mtrec eval --suite mtrec --data $dest --out OUT
EOF
        return
    fi
    cat <<EOF
Point mtrec at it:
  - the example configs (resources/configs/*.json) name ../shared/datasets/... relative to the
    repository root: put a symbolic link there to $dest, or change their paths;
  - evaluation: build/app/mtrec eval --suite mtrec --data $dest --out OUT;
  - the tests: MTREC_DATASETS=$dest ctest (they read ../shared/datasets otherwise).
EOF
}

main() {
    parse_arguments "$@"
    read_manifest
    check_only_names
    if ((verify_only)); then
        [[ -d $dest ]] || { echo "get-datasets: no folder $dest to verify" >&2; exit 1; }
    else
        command -v curl >/dev/null || command -v wget >/dev/null || die "needs curl or wget"
        mkdir -p "$dest" || die "cannot create $dest"
    fi
    dest=$(cd "$dest" && pwd)
    if ((!verify_only)); then
        work=$(mktemp -d "$dest/.get-datasets.XXXXXX") || die "cannot write into $dest"
        trap 'rm -rf "$work"' EXIT
        trap 'exit 130' INT TERM
    fi
    local path
    for path in "${paths[@]}"; do
        selected "$path" || continue
        if ((verify_only)); then verify_file "$path"; else download_file "$path"; fi
    done
    summary
    ((count_bad == 0))
}

main "$@"
