#!/usr/bin/env bash
# Load benchmark of `newsgraph serve` (issue 7 floor: p99 <= 50 ms, no errors, with
# 64 concurrent loopback connections) on a 100,000-event store built by
# tools/serve/make_bench_store.sh. Three workloads, each a rotating list of filtered
# requests: events, quotes, search. Needs wrk (installed here if missing, as root).
#   bench/bench_serve.sh [BUILD_DIR] [SECONDS]
# NEWSGRAPH_BENCH_DB=FILE reuses (or builds once) the store; BENCH_SERVE_PATHS=events
# prints the events workload's request paths instead of running.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
seconds="${2:-15}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

server=""
start_server() {  # $1: --cache-mb value
  [[ -n "$server" ]] && { kill "$server"; wait "$server" 2> /dev/null || true; }
  port=$((20000 + RANDOM % 20000))
  rm -f "$work/serve.log"
  "$build/newsgraph" serve --db "$db" --port "$port" --threads 96 --cache-mb "$1" 2> "$work/serve.log" &
  server=$!
  for _ in $(seq 50); do grep -q "serving" "$work/serve.log" 2> /dev/null && break; sleep 0.1; done
}

# Writes a wrk Lua script that rotates through the given request paths.
make_script() {
  local file="$1"; shift
  { echo "local paths = {"; for p in "$@"; do echo "  \"$p\","; done; echo "}"
    echo "local i = 0"
    echo "request = function() i = i + 1; return wrk.format('GET', paths[(i % #paths) + 1]) end"; } > "$file"
}
events=(); quotes=(); search=()
countries=(RUS PRK KOR JPN CHN IND UKR USA FRA DEU GBR TUR IRN ISR)
roots=(01 04 05 07 11 12 14 19)
for i in "${!countries[@]}"; do
  c=${countries[$i]}; r=${roots[$((i % 8))]}; m=$(printf '%02d' $((1 + i % 12)))
  events+=("/api/events?actor=$c&limit=50" "/api/events?target=$c&root=$r&limit=50"
           "/api/events?actor=$c&from=2023-$m-01&to=2023-$m-28&limit=50" "/api/events?root=$r&sort=goldstein&limit=50"
           "/api/events?plover=CONSULT&from=2024-$m-01&limit=50" "/api/events?near=35.7,139.7,100&limit=50")
done
speakers=(Berg Novak "Li%20Wen" Menon Shevchuk Carter Lopes Demir Cohen Rahimi Sato Park Petrov Ri)
words=(ceasefire sanctions "trade%20agreement" humanitarian border nuclear missile summit energy shipping refugee prisoner vaccine grain)
for i in "${!speakers[@]}"; do
  s=${speakers[$i]}; w=${words[$i]}; m=$(printf '%02d' $((1 + i % 12)))
  quotes+=("/api/quotes?speaker=$s&limit=50" "/api/quotes?about=$w&limit=50" "/api/quotes?speaker=$s&from=2023-$m-01&limit=50"
           "/api/quotes?kind=direct&from=2024-$m-01&limit=50")
  search+=("/api/search?q=$w&limit=20" "/api/search?q=$s&limit=20" "/api/search?q=$w&kind=quote&from=2023-$m-01&limit=20"
           "/api/search?q=%22$w%22%20support&limit=20")
done
# BENCH_SERVE_PATHS=events|quotes|search: print that workload's paths and stop
# (tools/serve/count_instructions.sh profiles them).
if [[ -n "${BENCH_SERVE_PATHS:-}" ]]; then
  declare -n chosen="$BENCH_SERVE_PATHS"
  printf '%s\n' "${chosen[@]}"
  exit 0
fi
if ! command -v wrk > /dev/null; then
  echo "bench_serve: installing wrk" >&2
  apt-get install -y -qq wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk > /dev/null; }
fi
db="${NEWSGRAPH_BENCH_DB:-$work/bench.db}"
[[ -f "$db" ]] || "$root/tools/serve/make_bench_store.sh" "$build" "$db" > /dev/null

make_script "$work/events.lua" "${events[@]}"
make_script "$work/quotes.lua" "${quotes[@]}"
make_script "$work/search.lua" "${search[@]}"

echo "wrk: 64 connections, 2 threads, ${seconds} s per workload; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for cache in 0 64; do
start_server "$cache"
echo "response cache: ${cache} MB ($([[ $cache == 0 ]] && echo 'every request runs its SQL' || echo 'repeated requests served from memory'))"
printf '%-8s %10s %10s %10s %10s %8s\n' workload requests "req/s" "p50 ms" "p99 ms" errors
for w in events quotes search; do
  wrk -t2 -c64 -d"${seconds}s" --timeout 5s --latency -s "$work/$w.lua" "http://127.0.0.1:$port" > "$work/$w.out"
  awk -v w="$w" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { err += $NF } /Socket errors/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
    END { printf "%-8s %10d %10.0f %10.2f %10.2f %8d\n", w, n, rps, p50, p99, err }' "$work/$w.out"
done
done
