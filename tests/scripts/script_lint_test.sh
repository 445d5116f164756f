#!/usr/bin/env bash
# The data scripts parse: bash -n on the shell scripts, and shellcheck on them where it is installed;
# the manifest generator compiles.
#
#   script_lint_test.sh REPO_ROOT
set -uo pipefail

repo=${1:?usage: script_lint_test.sh REPO_ROOT}
scripts=("$repo/scripts/get-datasets.sh" "$repo"/tests/scripts/*.sh)
failed=0
for script in "${scripts[@]}"; do
    bash -n "$script" || { echo "FAIL: bash -n $script"; failed=1; }
done
if command -v shellcheck >/dev/null; then
    shellcheck "${scripts[@]}" || { echo "FAIL: shellcheck"; failed=1; }
else
    echo "shellcheck is not installed: only bash -n was run"
fi
if command -v python3 >/dev/null; then
    python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' \
        "$repo/scripts/make-datasets-manifest.py" || { echo "FAIL: make-datasets-manifest.py"; failed=1; }
fi
exit "$failed"
