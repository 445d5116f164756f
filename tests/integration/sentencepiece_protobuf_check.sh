#!/usr/bin/env bash
# The CMake guard must refuse a library that carries its own protobuf (the start-up segfault trap) and
# accept the project's SentencePiece built against the system protobuf.
set -euo pipefail
source_dir="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A stand-in for Debian's libsentencepiece: it defines protobuf's MessageLite::ParseFromString itself.
cat > "$work/bundled.cpp" <<'CPP'
#include <string>
namespace google { namespace protobuf {
class MessageLite { public: bool ParseFromString(const std::string& data); };
bool MessageLite::ParseFromString(const std::string& data) { return !data.empty(); }
} }
CPP
g++ -shared -fPIC -o "$work/libbundled.so" "$work/bundled.cpp"

if cmake -DLIBRARY="$work/libbundled.so" -P "$source_dir/cmake/SentencePieceProtobufCheck.cmake" \
        >"$work/out.txt" 2>&1; then
    echo "FAIL: a library bundling protobuf was accepted"; exit 1
fi
grep -q "bundles its own protobuf-lite" "$work/out.txt" || { echo "FAIL: no reason given:"; cat "$work/out.txt"; exit 1; }
grep -q "segfaults at start-up" "$work/out.txt" || { echo "FAIL: message does not say why"; exit 1; }
echo "refused a bundled protobuf, with the reason"

cmake -DLIBRARY="$source_dir/.deps/sentencepiece/lib/libsentencepiece.so" \
      -P "$source_dir/cmake/SentencePieceProtobufCheck.cmake"
echo "accepted the project's SentencePiece"
