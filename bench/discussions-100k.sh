#!/usr/bin/env bash
# Discussions at scale: reading a question page, listing the chapter feed and searching, over N (default 100,000)
# questions, straight to discussions-service and through the gateway, in the same run. Starts a suite of its own
# (separate ports and state, demo data loaded), seeds the questions straight into the store, lets the search index
# rebuild from it, runs wrk against each endpoint, prints requests/s and p50/p99, and stops the suite again.
#
#   bench/discussions-100k.sh [questions] [duration-seconds] [connections]
#
# Needs wrk (Debian: apt-get install wrk). BENCH_KEEP=1 leaves the suite running (state in $BENCH_HOME).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-100000}"
DURATION="${2:-20}"
CONNECTIONS="${3:-16}"
export CHAPTERHOUSE_PORT_OFFSET="${BENCH_PORT_OFFSET:-30000}"
export CHAPTERHOUSE_HOME="${BENCH_HOME:-$(mktemp -d /tmp/chapterhouse-bench.XXXXXX)}"
# the wire server in memory: H2's MVStore fails long scans at this size (docs/local-store.md); the services are the
# same jars, and a question page, lists and searches never scan the store anyway
export CHAPTERHOUSE_STORE="${BENCH_STORE:-memory}"
# the gateway's per-member and per-chapter read budgets (300 and 3,000 a minute) would answer most of the load 429:
# the figures are of the work, so this suite's budgets are out of reach
export CHAPTERHOUSE_GATEWAY_RATE_LIMIT_MEMBER_READ_CAPACITY=1000000000
export CHAPTERHOUSE_GATEWAY_RATE_LIMIT_CHAPTER_READ_CAPACITY=1000000000
GATEWAY="http://127.0.0.1:$((8080 + CHAPTERHOUSE_PORT_OFFSET))"
DIRECT="http://127.0.0.1:$((8082 + CHAPTERHOUSE_PORT_OFFSET))"
MONGO="mongodb://127.0.0.1:$((27017 + CHAPTERHOUSE_PORT_OFFSET))/discussions"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
finish() { [[ "${BENCH_KEEP:-0}" == 1 ]] || { "$ROOT/chapterhouse" down >/dev/null 2>&1 || true; rm -rf "$CHAPTERHOUSE_HOME"; }; }
trap finish EXIT

"$ROOT/chapterhouse" up >"$CHAPTERHOUSE_HOME/up.log" 2>&1 || { tail -30 "$CHAPTERHOUSE_HOME/up.log"; exit 1; }
token() { curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" \
  "$GATEWAY/api/v1/auth/token" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
ADMIN="$(token admin@demo.chapterhouse.local "${CHAPTERHOUSE_ADMIN_PASSWORD:-chapterhouse-admin}")"
MEMBER="$(token asha@demo.chapterhouse.local chapterhouse-demo)"   # a volunteer of riverside-homework-club

IDS="$CHAPTERHOUSE_HOME/ids.tsv"
"$JAVA" -cp "$ROOT/deploy/target/lib/*" "$ROOT/bench/SeedQuestions.java" "$MONGO" "$N" "$IDS"
t0=$SECONDS
curl -fsS -X POST -H "Authorization: Bearer $ADMIN" "$DIRECT/api/v1/search/index/rebuild" >/dev/null
indexed() {  # the number of questions in the index once it is not rebuilding, else 0
  curl -fsS -H "Authorization: Bearer $ADMIN" "$DIRECT/api/v1/search/index" \
    | sed -nE '/"rebuilding":false/ s/.*"questions":([0-9]+).*/\1/p' | grep . || echo 0
}
# the demo's own questions are indexed too, so at least N
until (( $(indexed) >= N )); do
  sleep 2
  (( SECONDS - t0 < 900 )) || { echo "the index did not finish rebuilding" >&2; exit 1; }
done
echo "search index rebuilt from the store in $(( SECONDS - t0 )) s: $(curl -fsS -H "Authorization: Bearer $ADMIN" "$DIRECT/api/v1/search/index")"

# wrk scripts: rotate over question ids the member may see, and over realistic queries
LUA="$CHAPTERHOUSE_HOME/lua"; mkdir -p "$LUA"
{
  echo 'local ids = {'
  awk -F'\t' '$2 == "riverside-homework-club" {printf "\"%s\",\n", $1}' "$IDS" | head -200
  echo '}'
  echo 'local i = 0'
  echo 'request = function() i = i % #ids + 1; return wrk.format("GET", "/api/v1/questions/" .. ids[i]) end'
} >"$LUA/page.lua"
cat >"$LUA/search.lua" <<'LUAEOF'
local queries = {"recruiting+volunteers", "homework+club+focus", "%22bake+sale%22", "safeguarding+consent+photos",
  "python+coding+tablets", "reading+phonics+spelling", "museum+trip+coach", "thank+volunteers+award",
  "exams+revision+anxiety", "rota+schedule+email", "mentor+teenager+confidence", "fundraising+grant+donors"}
local i = 0
request = function() i = i % #queries + 1; return wrk.format("GET", "/api/v1/questions?q=" .. queries[i] .. "&size=20") end
LUAEOF
cat >"$LUA/list.lua" <<'LUAEOF'
local lists = {"/api/v1/questions?chapterId=riverside-homework-club&size=20",
  "/api/v1/questions?chapterId=riverside-homework-club&status=unanswered&size=20",
  "/api/v1/questions?tag=volunteers&sort=votes&size=20", "/api/v1/questions?size=20&page=3&sort=newest"}
local i = 0
request = function() i = i % #lists + 1; return wrk.format("GET", lists[i]) end
LUAEOF

warm() { # base script: JIT, Lucene's caches and connection pools warm before anything is measured
  wrk -t2 -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $MEMBER" -s "$2" "$1" >/dev/null 2>&1 || true
}
run() { # label base script
  local out="$CHAPTERHOUSE_HOME/wrk.out"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $MEMBER" -s "$3" "$2" >"$out" 2>&1 || true
  printf '%-34s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' "$out")" "$(awk '$1=="50%" {print $2}' "$out")" \
    "$(awk '$1=="99%" {print $2}' "$out")" "$(awk '/Non-2xx/ {print $5}' "$out" | grep . || echo 0)"
}

echo "$N questions; wrk -t2 -c$CONNECTIONS -d${DURATION}s per line, $(nproc) cores, everything on this machine"
for endpoint in page list search; do
  warm "$DIRECT" "$LUA/$endpoint.lua"; warm "$GATEWAY" "$LUA/$endpoint.lua"
  run "$endpoint direct" "$DIRECT" "$LUA/$endpoint.lua"
  run "$endpoint through the gateway" "$GATEWAY" "$LUA/$endpoint.lua"
done
"$ROOT/chapterhouse" status | sed -n '1,20p'
