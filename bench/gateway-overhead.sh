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
PATH_UNDER_TEST="/api/v1/chapters?size=20"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
curl -fsS "$GATEWAY/actuator/health" >/dev/null || { echo "start the suite first: ./chapterhouse up" >&2; exit 1; }

run() { # label url
  local out
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" >/tmp/wrk.$$ 2>&1 || true
  out=/tmp/wrk.$$
  printf '%-34s %10s req/s   p50 %8s   p90 %8s   p99 %8s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' $out)" "$(awk '$1=="50%" {print $2}' $out)" \
    "$(awk '$1=="90%" {print $2}' $out)" "$(awk '$1=="99%" {print $2}' $out)"
  rm -f "$out"
}

restart_gateway() { # native true|false
  "$ROOT/chapterhouse" stop gateway >/dev/null
  REACTOR_NETTY_NATIVE="$1" "$ROOT/chapterhouse" start gateway >/dev/null
}

warm() { wrk -t2 -c"$CONNECTIONS" -d5s "$1" >/dev/null 2>&1 || true; }

echo "GET $PATH_UNDER_TEST, wrk -t2 -c$CONNECTIONS -d${DURATION}s, $(nproc) cores, all processes on this machine"
warm "$MEMBERS$PATH_UNDER_TEST"
run "direct to members-service" "$MEMBERS$PATH_UNDER_TEST"
for native in false true; do
  restart_gateway "$native"
  warm "$GATEWAY$PATH_UNDER_TEST"
  run "gateway, reactor.netty.native=$native" "$GATEWAY$PATH_UNDER_TEST"
done
restart_gateway false
