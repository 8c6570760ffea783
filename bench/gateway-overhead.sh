#!/usr/bin/env bash
# Gateway overhead: the same GET straight to members-service and through the gateway, in one run, with Reactor
# Netty's native transport on and off (spring-cloud-gateway#4209). Needs a running suite (./chapterhouse up) and wrk
# (Debian: apt-get install wrk). Prints requests/s and latency percentiles for each case.
#
#   bench/gateway-overhead.sh [duration-seconds] [connections]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${1:-20}"
CONNECTIONS="${2:-32}"
OFFSET="${CHAPTERHOUSE_PORT_OFFSET:-0}"
GATEWAY="http://127.0.0.1:$((8080 + OFFSET))"
MEMBERS="http://127.0.0.1:$((8081 + OFFSET))"
PATHS=("/.well-known/jwks.json" "/api/v1/chapters?size=20")  # no store involved; one store read

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
curl -fsS "$GATEWAY/actuator/health" >/dev/null || { echo "start the suite first: ./chapterhouse up" >&2; exit 1; }

run() { # label url
  local out
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" >/tmp/wrk.$$ 2>&1 || true
  out=/tmp/wrk.$$
  printf '%-58s %10s req/s   p50 %8s   p90 %8s   p99 %8s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' $out)" "$(awk '$1=="50%" {print $2}' $out)" \
    "$(awk '$1=="90%" {print $2}' $out)" "$(awk '$1=="99%" {print $2}' $out)"
  rm -f "$out"
}

restart_gateway() { # native true|false
  "$ROOT/chapterhouse" stop gateway >/dev/null
  REACTOR_NETTY_NATIVE="$1" "$ROOT/chapterhouse" start gateway >/dev/null
}

warm() { wrk -t2 -c"$CONNECTIONS" -d10s "$1" >/dev/null 2>&1 || true; }

echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s, $(nproc) cores, wrk, gateway, service and store all on this machine"
for path in "${PATHS[@]}"; do
  warm "$MEMBERS$path"
  run "GET $path direct" "$MEMBERS$path"
done
for native in false true; do
  restart_gateway "$native"
  for path in "${PATHS[@]}"; do
    warm "$GATEWAY$path"
    run "GET $path gateway native=$native" "$GATEWAY$path"
  done
done
restart_gateway "${REACTOR_NETTY_NATIVE:-true}"
