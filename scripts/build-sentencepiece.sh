#!/usr/bin/env bash
# Builds SentencePiece 0.1.97 from Debian's source package against the system protobuf and installs
# it into the project-local prefix .deps/sentencepiece.
#
# Why: Debian's libsentencepiece bundles protobuf-lite 3.14 and exports its symbols; a process that also
# loads libtorch (linked to the system protobuf 3.21) then segfaults at start-up. Building with
# -DSPM_USE_BUILTIN_PROTOBUF=OFF links the system libprotobuf-lite instead, so both agree.
#
# Idempotent: returns at once when the prefix already holds this build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="$root/.deps"
prefix="$deps/sentencepiece"
stamp="$prefix/.built-0.1.97-system-protobuf"
version="0.1.97"

if [[ -f "$stamp" ]]; then
    exit 0
fi

echo "==> Building SentencePiece $version against the system protobuf (once, about a minute)"
work="$deps/sentencepiece-src"
rm -rf "$work" "$prefix"
mkdir -p "$work/apt/sources" "$work/apt/lists/partial"

# A private apt configuration that adds Debian's deb-src entry without touching the system's lists.
cat > "$work/apt/sources/bookworm-src.sources" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
apt_opts=(-o "Dir::Etc::SourceParts=$work/apt/sources" -o "Dir::Etc::SourceList=/dev/null"
          -o "Dir::State::Lists=$work/apt/lists" -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" -qq update
# apt checks the files against the signed archive index; dpkg-source's own signature check would
# need the Debian keyring, so its warning about it is not shown.
(cd "$work" && apt-get "${apt_opts[@]}" -qq source --download-only "sentencepiece=$version-3" >/dev/null \
    && dpkg-source -x --skip-patches "sentencepiece_$version-3.dsc" src >/dev/null 2>&1)

src="$work/src"
# Apply Debian's patches, then point the one include Debian redirects at the bundled protobuf header
# back to the system's.
(cd "$src" && for p in $(cat debian/patches/series 2>/dev/null); do patch -s -p1 < "debian/patches/$p"; done)
sed -i 's|#include "third_party/protobuf-lite/google/protobuf/message_lite.h"|#include <google/protobuf/message_lite.h>|' \
    "$src/src/init.h"

log="$deps/sentencepiece-build.log"
if ! { cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" \
           -DSPM_USE_BUILTIN_PROTOBUF=OFF -DSPM_ENABLE_TCMALLOC=OFF -DSPM_ENABLE_SHARED=ON \
           -DCMAKE_INSTALL_LIBDIR=lib \
       && cmake --build "$work/build" -j "$(nproc)" \
       && cmake --install "$work/build"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "SentencePiece build failed; the whole log is in $log" >&2
    exit 1
fi
rm -rf "$work"
touch "$stamp"
echo "==> SentencePiece installed in $prefix"
