#!/usr/bin/env bash
# Paths from configs and command lines must never reach a shell (issue 12, item 6): nothing in the
# program's own code (core/, app/, ui/) may start a process through one. Child processes are started
# with an argument vector (QProcess::start(program, arguments), execv), where a path is one argument
# whatever characters it holds. Fails listing every call that would go through /bin/sh.
# Usage: check_no_shell.sh SOURCE_DIR
set -euo pipefail
source_dir="$1"
pattern='\b(std::)?(system|popen|execlp|execvp|execvpe|wordexp)\s*\(|/bin/sh|startCommand|startDetached\s*\(\s*QString'
if hits=$(grep -rnE "$pattern" "$source_dir/core" "$source_dir/app" "$source_dir/ui" \
              --include='*.cpp' --include='*.h'); then
    echo "calls that may run a shell (pass an argument vector instead):"
    echo "$hits"
    exit 1
fi
echo "no shell calls in core/, app/ or ui/"
