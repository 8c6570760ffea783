#!/usr/bin/env bash
# Gateway overhead: the same GET straight to the service and through the gateway, in one run. Prints requests/s,
# latency percentiles and, per case, the CPU time the serving process spent per request (robust when the machine is
# shared: throughput moves with whatever else runs, CPU per request much less).
#
#   bench/gateway-overhead.sh [duration-seconds] [connections]               against the running suite (./chapterhouse up);
#                                                                            restarts the gateway with native on and off
#   bench/gateway-overhead.sh --standalone [duration-seconds] [connections]  no suite: starts a stand-in service
#                                                                            (bench/gateway-standin.java) and the built
#                                                                            gateway jar on spare ports, stops both after
#
# Needs wrk (Debian: apt-get install wrk). Extra JVM options for the standalone gateway: GATEWAY_JAVA_OPTS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STANDALONE=0
if [[ "${1:-}" == "--standalone" ]]; then STANDALONE=1; shift; fi
DURATION="${1:-20}"
CONNECTIONS="${2:-32}"
OFFSET="${CHAPTERHOUSE_PORT_OFFSET:-0}"
PATHS=("/.well-known/jwks.json" "/api/v1/chapters?size=20")  # no store involved; one store read (suite)

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

run() { # label url [pid]
  local out t0 t1 n cpu=""
  out="$(mktemp)"
  [[ -n "${3:-}" ]] && t0="$(cpu_ticks "$3")"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" >"$out" 2>&1 || true
  if [[ -n "${3:-}" ]]; then
    t1="$(cpu_ticks "$3")"; n="$(awk '/requests in/ {print $1}' "$out")"
    cpu="$(awk -v a="$t0" -v b="$t1" -v n="${n:-1}" -v hz="$(getconf CLK_TCK)" \
      'BEGIN {printf "%.3f ms CPU/req", (b - a) * 1000 / hz / (n > 0 ? n : 1)}')"
  fi
  printf '%-52s %10s req/s   p50 %8s   p90 %8s   p99 %8s   %s %s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' "$out")" "$(awk '$1=="50%" {print $2}' "$out")" \
    "$(awk '$1=="90%" {print $2}' "$out")" "$(awk '$1=="99%" {print $2}' "$out")" "$cpu" \
    "$(grep -E 'Non-2xx|Socket errors' "$out" | tr -s ' ' | tr '\n' ' ')"
  rm -f "$out"
}

# Warm up until throughput is steady: on 2 shared cores a fresh gateway needs minutes of load before the JIT has
# compiled its long reactive path (a 10 s warm-up measured it at a fifth of its speed). 10 s rounds, at most
# WARMUP_ROUNDS (default 18), until two rounds in a row differ by less than 10 %.
warm() {
  local prev=0 now i
  for ((i = 0; i < ${WARMUP_ROUNDS:-18}; i++)); do
    now="$(wrk -t2 -c"$CONNECTIONS" -d10s "$1" 2>/dev/null | awk '/Requests\/sec/ {printf "%d", $2}')"
    now="${now:-0}"
    if ((prev > 0 && now > 0)) && awk -v a="$prev" -v b="$now" 'BEGIN {d = (b - a) / a; exit !(d < 0.1 && d > -0.1)}'; then
      return 0
    fi
    prev="$now"
  done
}

wait_up() { # url
  for _ in $(seq 180); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "not up: $1" >&2; return 1
}

echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); everything on this machine"

if ((STANDALONE)); then
  BACKEND_PORT="${BACKEND_PORT:-18181}"; GATEWAY_PORT="${GATEWAY_PORT:-18180}"
  JAR="$(compgen -G "$ROOT/gateway/target/gateway-*-exec.jar" | head -n 1 || true)"
  [[ -n "$JAR" ]] || { echo "build the gateway first: ./mvnw -B -o package -pl support,gateway -DskipTests" >&2; exit 1; }
  PIDS=()
  trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
  java -Dsun.net.httpserver.nodelay=true "$ROOT/bench/gateway-standin.java" "$BACKEND_PORT" >/tmp/gateway-standin.$$.log 2>&1 &
  PIDS+=($!); BACKEND_PID=$!
  wait_up "http://127.0.0.1:$BACKEND_PORT/.well-known/jwks.json"
  # the bench client is one address: lift its anonymous budget so that we measure routing, not 429s
  PORT="$GATEWAY_PORT" MEMBERS_URL="http://127.0.0.1:$BACKEND_PORT" \
    CHAPTERHOUSE_JWKS_URI="http://127.0.0.1:$BACKEND_PORT/.well-known/jwks.json" \
    CHAPTERHOUSE_GATEWAY_RATE_LIMIT_MEMBER_READ_CAPACITY=1000000000 \
    java -Xmx512m ${GATEWAY_JAVA_OPTS:-} -jar "$JAR" >/tmp/gateway-bench.$$.log 2>&1 &
  PIDS+=($!); GATEWAY_PID=$!
  wait_up "http://127.0.0.1:$GATEWAY_PORT/actuator/health"
  for path in "${PATHS[@]}"; do
    warm "http://127.0.0.1:$BACKEND_PORT$path"
    run "GET $path direct (stand-in)" "http://127.0.0.1:$BACKEND_PORT$path" "$BACKEND_PID"
    warm "http://127.0.0.1:$GATEWAY_PORT$path"
    run "GET $path gateway" "http://127.0.0.1:$GATEWAY_PORT$path" "$GATEWAY_PID"
  done
  run "GET /index.html gateway (its own static page)" "http://127.0.0.1:$GATEWAY_PORT/index.html" "$GATEWAY_PID"
  exit 0
fi

GATEWAY="http://127.0.0.1:$((8080 + OFFSET))"
MEMBERS="http://127.0.0.1:$((8081 + OFFSET))"
STATE_PIDS="${CHAPTERHOUSE_HOME:-$ROOT/.run}/pids"
curl -fsS "$GATEWAY/actuator/health" >/dev/null || { echo "start the suite first: ./chapterhouse up" >&2; exit 1; }

restart_gateway() { # native true|false
  "$ROOT/chapterhouse" stop gateway >/dev/null
  CHAPTERHOUSE_GATEWAY_RATE_LIMIT_MEMBER_READ_CAPACITY=1000000000 \
    REACTOR_NETTY_NATIVE="$1" "$ROOT/chapterhouse" start gateway >/dev/null
}

pid_of() { cat "$STATE_PIDS/$1.pid" 2>/dev/null || true; }

for path in "${PATHS[@]}"; do
  warm "$MEMBERS$path"
  run "GET $path direct" "$MEMBERS$path" "$(pid_of members)"
done
for native in false true; do
  restart_gateway "$native"
  for path in "${PATHS[@]}"; do
    warm "$GATEWAY$path"
    run "GET $path gateway native=$native" "$GATEWAY$path" "$(pid_of gateway)"
  done
done
restart_gateway "${REACTOR_NETTY_NATIVE:-true}"
