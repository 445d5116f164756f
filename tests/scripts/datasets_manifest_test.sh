#!/usr/bin/env bash
# scripts/datasets.manifest against the real public data: every file it lists is in the datasets
# folder with its size and SHA-256 (get-datasets.sh --verify-only), and the manifest regenerated
# from the folder is byte for byte the committed one (so no data file is missing from it either).
# Exits 77 (CTest's skip code) when the folder is absent.
#
#   datasets_manifest_test.sh REPO_ROOT DATASETS_DIR   ($MTREC_DATASETS, when set, wins)
set -uo pipefail

repo=${1:?usage: datasets_manifest_test.sh REPO_ROOT DATASETS_DIR}
data=${MTREC_DATASETS:-${2:?usage: datasets_manifest_test.sh REPO_ROOT DATASETS_DIR}}
if [[ ! -d $data ]]; then
    echo "SKIPPED: the public datasets folder $data is absent (set MTREC_DATASETS to its location)"
    exit 77
fi

listed=$(grep -v '^#' "$repo/scripts/datasets.manifest" | awk '{print $2}' | sort -u | wc -l)
out=$("$repo/scripts/get-datasets.sh" --verify-only --dest "$data" 2>&1)
status=$?
if ((status != 0)) || ! grep -qxF "$listed files checked: $listed correct, 0 missing or wrong." <<<"$out"; then
    grep -v ': ok$' <<<"$out"
    echo "FAIL: --verify-only of $data (exit $status), expected all $listed listed files correct"
    exit 1
fi

command -v python3 >/dev/null || { echo "SKIPPED the regeneration check: no python3"; exit 0; }
regenerated=$(mktemp)
trap 'rm -f "$regenerated"' EXIT
python3 "$repo/scripts/make-datasets-manifest.py" --data "$data" --out "$regenerated" >/dev/null || {
    echo "FAIL: scripts/make-datasets-manifest.py could not list $data"
    exit 1
}
if ! diff -u "$repo/scripts/datasets.manifest" "$regenerated"; then
    echo "FAIL: scripts/datasets.manifest is not what make-datasets-manifest.py makes of $data"
    exit 1
fi
echo "the manifest's $listed files match $data"
