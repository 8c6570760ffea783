#!/usr/bin/env bash
# Fan-out benchmark of notifications-service: notifications stored per second, and p50/p99 from a QuestionPosted
# (published right after discussions-service's 201) to the notifications being readable through the API.
# Runs the service in-process against the test infrastructure (real Kafka KRaft broker in-process, Mongo wire
# server, memory backend). Settings: BENCH_RECIPIENTS (150), BENCH_QUESTIONS (50), BENCH_BURST (20).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_RECIPIENTS="${BENCH_RECIPIENTS:-150}" BENCH_QUESTIONS="${BENCH_QUESTIONS:-50}" BENCH_BURST="${BENCH_BURST:-20}"
./mvnw -B -q -o verify -pl support,notifications-service \
  -Dit.test=FanoutBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  > "${TMPDIR:-/tmp}/notifications-fanout.log" 2>&1 || { tail -50 "${TMPDIR:-/tmp}/notifications-fanout.log"; exit 1; }
cat notifications-service/target/notifications-fanout.txt
