#!/bin/bash
# Reruns scripts/make-demo-corpus.py into a temporary folder and compares the result byte for byte
# with the committed resources/demo/ (README.md is written by hand and not generated).
# Usage: check_demo_corpus.sh SOURCE_DIR [PYTHON3]
set -euo pipefail
source_dir="$1"
python="${2:-python3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$python" "$source_dir/scripts/make-demo-corpus.py" --out "$out" > /dev/null
if ! diff -r --brief -x README.md "$out" "$source_dir/resources/demo"; then
    echo "resources/demo/ differs from what scripts/make-demo-corpus.py generates;" \
         "rerun the script and commit its output" >&2
    exit 1
fi
echo "resources/demo/ matches scripts/make-demo-corpus.py"
