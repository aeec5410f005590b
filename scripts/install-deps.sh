#!/usr/bin/env bash
# Installs the Debian 12 packages newsgraph needs to build, test and run, skipping
# those already present. Run as root (or with sudo). Idempotent.
#   scripts/install-deps.sh          build + test dependencies
#   scripts/install-deps.sh --fuzz   also clang's libFuzzer runtime
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libsqlite3-dev sqlite3 libicu-dev zlib1g-dev libdeflate-dev libzstd-dev libxxhash-dev
  nlohmann-json3-dev libsimdjson-dev libcli11-dev libgumbo-dev libcld2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev chromium
)
# node and npm for the web UI's browser tests (tests/browser): Debian's, unless a
# node is already installed (another distribution's nodejs bundles npm).
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)
if [[ "${1:-}" == "--fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' npm packages (playwright-core, pinned by package-lock.json).
browser_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
if [[ ! -d "$browser_tests/node_modules/playwright-core" ]]; then
  echo "install-deps: npm ci in tests/browser"
  (cd "$browser_tests" && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "install-deps: npm ci failed in tests/browser; the browser tests will be skipped"
fi
