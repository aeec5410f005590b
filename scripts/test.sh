#!/usr/bin/env bash
# Installs what is missing, builds everything (Release) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
# Tests write their temporary files under this checkout's build tree (gtest's TempDir), so
# two checkouts tested on one machine at once never share a path.
export TEST_TMPDIR="$PWD/test-tmp"
rm -rf "$TEST_TMPDIR" && mkdir -p "$TEST_TMPDIR"
ctest --output-on-failure -j "$(nproc)" --timeout 300
