#!/usr/bin/env bash
# Configures and builds a second tree with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer: the unit tests, the congkhai command and the
# libFuzzer targets, all sanitized. It lives inside the main build tree, so
# a fresh clone stays clean.
# Usage: build_sanitized.sh BUILD_DIR
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=$1
for tool in clang++; do
  command -v "$tool" >/dev/null || { echo "build_sanitized: $tool not found (see .ci/debian-packages)" >&2; exit 2; }
done
start=$(date +%s)
cmake -S "$repo_root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DCONGKHAI_SANITIZE=ON -DCONGKHAI_FUZZ=ON >/dev/null
cmake --build "$build_dir"
echo "sanitized build: $(($(date +%s) - start)) s"
