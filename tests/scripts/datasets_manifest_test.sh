#!/usr/bin/env bash
# scripts/datasets.manifest against the real public data: every file it lists is in the datasets
# folder with its size and SHA-256 (get-datasets.sh --verify-only); the manifest regenerated from
# the folder is byte for byte the committed one (so no data file is missing from it either); and
# the real manifest's URLs and zip members, served from a file:// mirror built from the folder,
# download MLQA and MIRACL into the same layout. Exits 77 (CTest's skip code) when the folder is
# absent.
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

command -v python3 >/dev/null || { echo "SKIPPED the other checks: no python3"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
regenerated="$tmp/manifest"
python3 "$repo/scripts/make-datasets-manifest.py" --data "$data" --out "$regenerated" >/dev/null || {
    echo "FAIL: scripts/make-datasets-manifest.py could not list $data"
    exit 1
}
if ! diff -u "$repo/scripts/datasets.manifest" "$regenerated"; then
    echo "FAIL: scripts/datasets.manifest is not what make-datasets-manifest.py makes of $data"
    exit 1
fi

# A mirror of MLQA (its zip built from the folder's files) and MIRACL at the manifest's URLs.
python3 - "$repo/scripts/datasets.manifest" "$data" "$tmp/mirror" <<'EOF'
import os, shutil, sys, zipfile
manifest, data, mirror = sys.argv[1:]
for line in open(manifest):
    fields = line.split()
    if not fields or fields[0].startswith("#") or fields[0] not in ("mlqa", "miracl"):
        continue
    target = os.path.join(mirror, fields[4].split("://", 1)[1])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if len(fields) == 6:
        with zipfile.ZipFile(target, "a") as archive:
            archive.write(os.path.join(data, fields[1]), fields[5])
    else:
        shutil.copyfile(os.path.join(data, fields[1]), target)
EOF
out=$(MTREC_DATASETS_MIRROR="file://$tmp/mirror" "$repo/scripts/get-datasets.sh" --only mlqa miracl \
          --dest "$tmp/data" 2>&1)
if ! grep -qxF "44 files: 0 already present, 44 downloaded, 0 failed or wrong." <<<"$out" ||
   ! grep -qxF "mlqa/MLQA_V1/dev/dev-context-hi-question-hi.json: downloaded from https://dl.fbaipublicfiles.com/MLQA/MLQA_V1.zip (MLQA_V1/dev/dev-context-hi-question-hi.json)" <<<"$out" ||
   ! diff -r -x README.md "$data/miracl" "$tmp/data/miracl" >/dev/null ||
   ! diff -r "$data/mlqa/MLQA_V1" "$tmp/data/mlqa/MLQA_V1" >/dev/null; then
    echo "$out"
    echo "FAIL: downloading MLQA and MIRACL from a mirror of $data did not give the same files"
    exit 1
fi
echo "the manifest's $listed files match $data; MLQA and MIRACL download from a mirror of it"
