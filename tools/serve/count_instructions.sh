#!/usr/bin/env bash
# CPU instructions per request of `newsgraph serve`, per workload of
# bench/bench_serve.sh, under valgrind --tool=callgrind: the measure that does not
# move with the machine's load (wall-clock latency does, a lot, on shared cores).
# Each workload's paths are requested once to warm the connections, then counted.
#   tools/serve/count_instructions.sh BUILD_DIR DB [WORKLOAD...]   (default: events quotes search)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:?usage: count_instructions.sh BUILD_DIR DB [WORKLOAD...]}" && pwd)"
db="${2:?usage: count_instructions.sh BUILD_DIR DB [WORKLOAD...]}"
shift 2
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
server=""
for w in "${@:-events quotes search}"; do
  for workload in $w; do
    BENCH_SERVE_PATHS="$workload" "$root/bench/bench_serve.sh" "$build" 1 > "$work/paths"
    port=$((20000 + RANDOM % 20000))
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$build/newsgraph" serve --db "$db" \
      --port "$port" --threads 4 --cache-mb 0 2> "$work/serve.log" &
    server=$!
    for _ in $(seq 300); do grep -q "serving" "$work/serve.log" 2> /dev/null && break; sleep 0.2; done
    urls=$(sed "s#^#http://127.0.0.1:$port#" "$work/paths")
    curl -s $urls > /dev/null
    callgrind_control -z "$server" > /dev/null 2>&1
    curl -s $urls > /dev/null
    callgrind_control -d "$server" > /dev/null 2>&1
    kill "$server"; wait "$server" 2> /dev/null || true
    total=$(callgrind_annotate "$work"/cg.out.1 2> /dev/null | awk '/PROGRAM TOTALS/ { gsub(/,/, "", $1); print $1 }')
    printf '%-8s %12d instructions/request (%d requests)\n' "$workload" $((total / $(wc -l < "$work/paths"))) \
      "$(wc -l < "$work/paths")"
    rm -f "$work"/cg.out*
  done
done
