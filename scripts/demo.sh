#!/usr/bin/env bash
# The main job: install what is missing, build, ingest the bundled example articles
# into newsgraph.db and print what was stored.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
rm -f newsgraph.db newsgraph.db-wal newsgraph.db-shm
build/newsgraph ingest --db newsgraph.db examples/articles
