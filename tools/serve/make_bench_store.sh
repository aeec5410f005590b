#!/usr/bin/env bash
# Builds the serve benchmark's store: the invented fixture articles ingested by the
# real binary, their seeded layers, then 100,000 generated events, 100,000 event
# mentions, 50,000 quotes and 60 actors (tools/serve/bench_rows.sql).
#   tools/serve/make_bench_store.sh BUILD_DIR OUT.db
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:?usage: make_bench_store.sh BUILD_DIR OUT.db}"
out="${2:?usage: make_bench_store.sh BUILD_DIR OUT.db}"
rm -f "$out" "$out-wal" "$out-shm"
if ! "$build/newsgraph" ingest --quiet --db "$out" "$root/tests/serve/fixtures/articles"; then
  echo "make_bench_store: full ingest failed; retrying with --until parse" >&2
  rm -f "$out" "$out-wal" "$out-shm"
  "$build/newsgraph" ingest --quiet --until parse --db "$out" "$root/tests/serve/fixtures/articles"
fi
sqlite3 "$out" < "$root/tests/serve/fixtures/seed_layers.sql"
sqlite3 "$out" < "$root/tools/serve/bench_rows.sql"
sqlite3 "$out" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
"$build/newsgraph" stats --db "$out" | head -3
echo "events: $(sqlite3 "$out" 'SELECT count(*) FROM events'), quotes: $(sqlite3 "$out" 'SELECT count(*) FROM quotes'), actors: $(sqlite3 "$out" 'SELECT count(*) FROM actors')"
