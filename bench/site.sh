#!/usr/bin/env bash
# bench/site.sh — whole-system figures of grip's website on loopback.
#
# Generates the large (Amsterdam-size) gemeente into a fresh SQLite file,
# serves it with `grip serve`, saves a programme page and a theme page to
# disk, serves those files with Go's static file server (the reference), and
# runs wrk against all four URLs in the same run. Prints a Markdown table.
#
# Usage: [THREADS=1] bench/site.sh [DURATION_SECONDS] [CONNECTIONS]   (defaults 10, 50;
# one wrk thread leaves the other core to the server on a 2-core machine)
# Needs: go, wrk, curl. Bounded: each wrk run lasts DURATION seconds; the
# whole script ends within about 4*DURATION+30 seconds. Loopback only.
set -euo pipefail
DUR=${1:-10}
CONN=${2:-50}
THREADS=${THREADS:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
GRIP_PORT=${GRIP_PORT:-18180}
STATIC_PORT=${STATIC_PORT:-18181}
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
go build -o "$WORK/grip" ./cmd/grip
go build -o "$WORK/staticserver" ./bench/staticserver
"$WORK/grip" --db "$WORK/grip.db" --as bench generate --size large --seed 1 >&2

"$WORK/grip" --db "$WORK/grip.db" serve --addr "127.0.0.1:$GRIP_PORT" >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$GRIP_PORT/healthz" && break; sleep 0.1; done

PROG=/grootstad/begroting-2025/sociaal-domein
THEME=$PROG/jeugd
mkdir -p "$WORK/static"
curl -fs "http://127.0.0.1:$GRIP_PORT$PROG" -o "$WORK/static/programma.html"
curl -fs "http://127.0.0.1:$GRIP_PORT$THEME" -o "$WORK/static/thema.html"
"$WORK/staticserver" -addr "127.0.0.1:$STATIC_PORT" -dir "$WORK/static" &
PIDS+=($!)
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$STATIC_PORT/thema.html" && break; sleep 0.1; done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# ms LABEL < wrk output → the latency at that percentile in milliseconds
ms() {
	awk -v l="$1" '$1==l {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.2f", v}'
}
# run URL → "requests/s p50_ms p99_ms"
run() {
	local out
	out=$(wrk -t"$THREADS" -c"$CONN" -d"${DUR}s" --latency "$1")
	echo "$(awk '/^Requests\/sec/ {print $2}' <<<"$out") $(ms 50% <<<"$out") $(ms 99% <<<"$out")"
}

read -r PR P50 PP < <(run "http://127.0.0.1:$GRIP_PORT$PROG")
read -r SPR S50 SPP < <(run "http://127.0.0.1:$STATIC_PORT/programma.html")
read -r TR T50 TP < <(run "http://127.0.0.1:$GRIP_PORT$THEME")
read -r STR ST50 STP < <(run "http://127.0.0.1:$STATIC_PORT/thema.html")

PSIZE=$(stat -c %s "$WORK/static/programma.html")
TSIZE=$(stat -c %s "$WORK/static/thema.html")
echo
echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); wrk -t$THREADS -c$CONN -d${DUR}s; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| page | bytes | grip req/s | grip p50 / p99 ms | static req/s | static p50 / p99 ms | grip / static req/s |"
echo "|---|---|---|---|---|---|---|"
row() {
	awk -v n="$1" -v b="$2" -v r="$3" -v p50="$4" -v p="$5" -v sr="$6" -v s50="$7" -v sp="$8" \
		'BEGIN {printf "| %s | %d | %.0f | %s / %s | %.0f | %s / %s | %.2f |\n", n, b, r, p50, p, sr, s50, sp, r/sr}'
}
row "programme $PROG" "$PSIZE" "$PR" "$P50" "$PP" "$SPR" "$S50" "$SPP"
row "theme $THEME" "$TSIZE" "$TR" "$T50" "$TP" "$STR" "$ST50" "$STP"
