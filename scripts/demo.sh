#!/usr/bin/env bash
# The main job: install what is missing, build, ingest the bundled example articles
# into newsgraph.db and print what was stored.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
rm -f newsgraph.db newsgraph.db-wal newsgraph.db-shm
build/newsgraph ingest --db newsgraph.db examples/articles
echo
echo "== actors (newsgraph actors --db newsgraph.db) =="
build/newsgraph actors --db newsgraph.db --limit 12
echo
echo "== quotes (newsgraph quotes --db newsgraph.db) =="
build/newsgraph quotes --db newsgraph.db --limit 6
echo
echo "== events (newsgraph events --db newsgraph.db) =="
build/newsgraph events --db newsgraph.db --limit 10
echo
echo "Explore it in a browser: build/newsgraph serve --db newsgraph.db, then open http://127.0.0.1:8080"
