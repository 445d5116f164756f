#!/usr/bin/env bash
# Sets up a Debian 12 machine for mTREC Workbench and builds it into build/:
#   1. installs the Debian packages the project needs (only those missing),
#   2. builds SentencePiece against the system protobuf into .deps/ (once),
#   3. configures and builds the project.
# Idempotent: when nothing changed it takes a few seconds. Used by scripts/workbench.sh and
# scripts/test.sh; run it alone to only build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${MTREC_BUILD_DIR:-$root/build}"

packages=(
    cmake g++ make pkg-config ccache dpkg-dev
    qt6-base-dev qt6-qpa-plugins libqcustomplot-dev fonts-dejavu-core
    libtorch-dev python3-torch libgloo-dev
    libsqlite3-dev sqlite3 nlohmann-json3-dev libicu-dev libcli11-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    protobuf-compiler libprotobuf-dev
    clang libclang-rt-14-dev
    xvfb xauth imagemagick
)

missing_packages() {
    local pkg
    for pkg in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            echo "$pkg"
        fi
    done
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

mapfile -t missing < <(missing_packages)
if (( ${#missing[@]} )); then
    echo "==> Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

"$root/scripts/build-sentencepiece.sh"

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    echo "==> Configuring $build_dir"
    cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
# Let ccache share results between clones of the repository (CI builds a fresh clone each time).
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
echo "==> Building (first build takes several minutes; later ones only rebuild what changed)"
cmake --build "$build_dir" -j "$(nproc)" -- --no-print-directory
