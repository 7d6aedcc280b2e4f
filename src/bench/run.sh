#!/usr/bin/env bash
# The project's benchmark: one command, from any folder. docs/performance.md ("The benchmark") explains it.
#
#   src/bench/run.sh
#
# 1. builds the service unless target/quarkus-app is newer than src/main and pom.xml (SKIP_BUILD=1: never);
# 2. generates the data set (seeded, reused while the generator and the settings are unchanged);
# 3. creates a fresh database and a password role on PostgreSQL (PGHOST, PGPORT, PGADMIN), starts the packaged
#    service with relaxed request timeouts and imports the files through POST /api/projects/{p}/import;
# 4. restarts the service with its default settings (body limit raised to 64 MB) and measures each scenario:
#    wrk (warm-up, then the measured run) or curl (import, export), CPU of the service and of PostgreSQL, RSS;
# 5. writes target/bench/results.tsv, results.md and chart.png (and appends the TSV lines to history.tsv).
#
# Settings (environment; defaults in brackets):
#   CONNS [64] THREADS [1] DURATION [20] WARMUP [10]   wrk: connections, threads, seconds measured, warm-up s
#   JIT_WARMUP [30]   seconds of GET and pages before the first scenario, not measured (0: none)
#   SCENARIOS [all]   comma-separated names: get-100 get-10k get-100k list-100 list-10k list-100k
#                     list-pending-10k next-10k patch-10k post-10k import-10k export-10k
#   TAGS [10] TASKS [10000]   the big tags of project "bench": t01..tNN, TASKS top-level tasks each
#   SMALL_TASKS [100]         tag "small" of project "bench"
#   LARGE_TASKS [100000]      tag "large" of project "bench-large"; 0 skips it (and the *-100k scenarios)
#   LARGE_SUBTASKS [2]        most subtasks per task in tag "large" (the other tags: 4); see docs/performance.md
#   SEED [42]  IMPORT_RUNS [3]  EXPORT_RUNS [5]  SKIP_BUILD [0]
#   PGHOST [127.0.0.1] PGPORT [5432] PGADMIN [postgres] PGADMIN_PASSWORD []   an existing cluster, admin role
#   BENCH_DB [task_service_bench]   database and role created (dropped first if they exist)
#   HTTP_PORT [18041] MGMT_PORT [19041]  JAVA_HOME  JAVA_OPTS  BENCH_OUT [target/bench]
#   ANALYZE [1]   VACUUM (ANALYZE) the database after loading; 0 measures it as the imports left it
#   CHART_NOTE []   a line printed in red under the chart's title (e.g. "busy machine")
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/src/bench
OUT=${BENCH_OUT:-$ROOT/target/bench}
LOGS=$OUT/logs
DATA=$OUT/data

CONNS=${CONNS:-64} THREADS=${THREADS:-1} DURATION=${DURATION:-20} WARMUP=${WARMUP:-10} JIT_WARMUP=${JIT_WARMUP:-30}
SCENARIOS=${SCENARIOS:-all}
TAGS=${TAGS:-10} TASKS=${TASKS:-10000} SMALL_TASKS=${SMALL_TASKS:-100} LARGE_TASKS=${LARGE_TASKS:-100000} LARGE_SUBTASKS=${LARGE_SUBTASKS:-2}
SEED=${SEED:-42} IMPORT_RUNS=${IMPORT_RUNS:-3} EXPORT_RUNS=${EXPORT_RUNS:-5} SKIP_BUILD=${SKIP_BUILD:-0}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGADMIN=${PGADMIN:-postgres}
BENCH_DB=${BENCH_DB:-task_service_bench}
BENCH_PASSWORD=bench-$SEED-password
HTTP_PORT=${HTTP_PORT:-18041} MGMT_PORT=${MGMT_PORT:-19041}
JAVA_OPTS=${JAVA_OPTS:---sun-misc-unsafe-memory-access=allow}
API=http://127.0.0.1:$HTTP_PORT/api
HZ=$(getconf CLK_TCK)
BIG_TAG=t01 PATCH_TAG=t02 PATCH_WARMUP_TAG=t03 POST_TAG=t$(printf %02d "$TAGS")

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$TAGS" -ge 3 ] || die "TAGS must be at least 3 (t01 is read, t02/t03 patched, the last one gets the POSTs)"
if [ -n "${JAVA_HOME:-}" ]; then export PATH=$JAVA_HOME/bin:$PATH; fi
for tool in java curl psql wrk awk; do
  command -v "$tool" >/dev/null || die "$tool is not on PATH (wrk: apt-get install wrk)"
done
mkdir -p "$LOGS" "$DATA"

wanted() { [ "$SCENARIOS" = all ] || [[ ",$SCENARIOS," == *",$1,"* ]]; }

# ---------------------------------------------------------------- build and data
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
if [ "$SKIP_BUILD" != 1 ] && { [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" | head -1)" ]; }; then
  log "building the service (./mvnw package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dquarkus.analytics.disabled=true >&2)
fi
[ -f "$JAR" ] || die "$JAR is missing (SKIP_BUILD=1 without a build?)"

SPECS=(small:"$SMALL_TASKS")
for i in $(seq 1 "$TAGS"); do SPECS+=("t$(printf %02d "$i"):$TASKS"); done
[ "$LARGE_TASKS" -gt 0 ] && SPECS+=(large:"$LARGE_TASKS:$LARGE_SUBTASKS")
STAMP="$SEED ${SPECS[*]} $(cksum <"$BENCH/GenerateTasks.java")"
if [ "$(cat "$DATA/stamp" 2>/dev/null)" != "$STAMP" ]; then
  log "generating the data set: ${SPECS[*]} (seed $SEED)"
  rm -f "$DATA"/*.tasks.json "$DATA/stamp"
  java "$BENCH/GenerateTasks.java" "$DATA" "$SEED" "${SPECS[@]}"
  echo "$STAMP" >"$DATA/stamp"
fi

# ---------------------------------------------------------------- database
admin_psql() { PGPASSWORD=${PGADMIN_PASSWORD:-} psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGADMIN" -d postgres "$@"; }
log "creating database and role $BENCH_DB on $PGHOST:$PGPORT"
admin_psql >&2 <<SQL
DROP DATABASE IF EXISTS "$BENCH_DB" WITH (FORCE);
DROP ROLE IF EXISTS "$BENCH_DB";
CREATE ROLE "$BENCH_DB" LOGIN PASSWORD '$BENCH_PASSWORD';
CREATE DATABASE "$BENCH_DB" OWNER "$BENCH_DB";
SQL
export DATABASE_URL="postgresql://$BENCH_DB:$BENCH_PASSWORD@$PGHOST:$PGPORT/$BENCH_DB?sslmode=disable"
export QUARKUS_HTTP_PORT=$HTTP_PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT
# Without authentication: the service has none today; should it gain an opt-out, this is its name.
export TASK_SERVICE_AUTH=${TASK_SERVICE_AUTH:-none}

# PostgreSQL's processes, for CPU: the postmaster (its cutime/cstime hold the backends that already exited)
# and its children. Only when the cluster runs on this machine and its data directory is readable.
PG_POSTMASTER=
if [[ $PGHOST == 127.0.0.1 || $PGHOST == localhost || $PGHOST == ::1 ]]; then
  pgdata=$(admin_psql -Atc 'SHOW data_directory' 2>/dev/null || true)
  PG_POSTMASTER=$(head -1 "$pgdata/postmaster.pid" 2>/dev/null || true)
fi
[ -n "$PG_POSTMASTER" ] || log "PostgreSQL's processes are not visible from here: its CPU columns stay empty"

# ---------------------------------------------------------------- the service
SERVICE_PID=
start_service() {   # start_service LOG_NAME [VAR=VALUE ...]: start and wait for readiness
  local name=$1; shift
  [ -z "$(ss -Hltn "sport = :$HTTP_PORT or sport = :$MGMT_PORT")" ] || die "port $HTTP_PORT or $MGMT_PORT is in use"
  # shellcheck disable=SC2086
  env "$@" java $JAVA_OPTS -jar "$JAR" >"$LOGS/service-$name.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 240); do
    kill -0 "$SERVICE_PID" 2>/dev/null || die "the service exited at start (see $LOGS/service-$name.log)"
    curl -fs -o /dev/null "http://127.0.0.1:$MGMT_PORT/q/health/ready" && return 0
    sleep 0.5
  done
  die "the service was not ready within 120 s (see $LOGS/service-$name.log)"
}
stop_service() {
  [ -n "$SERVICE_PID" ] || return 0
  kill "$SERVICE_PID" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
}
trap stop_service EXIT
trap 'exit 130' INT TERM

# import_file PROJECT FILE -> "http_code seconds"
import_file() {
  curl -s -o "$LOGS/import-$1.json" -w '%{http_code} %{time_total}\n' -X POST "$API/projects/$1/import" \
    -H 'Content-Type: application/json' --data-binary @"$2"
}

# ---------------------------------------------------------------- loading
# The imports that build the data set may take longer than a request may today (10 s): the loading service
# gets generous bounds; the measured service runs with the defaults.
log "loading: starting the service with relaxed request timeouts"
start_service load QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=2G TASK_SERVICE_DATABASE_REQUEST_TIMEOUT=3600s \
  TASK_SERVICE_POOL_STATEMENT_TIMEOUT=3590s TASK_SERVICE_POOL_IDLE_IN_TRANSACTION_TIMEOUT=3595s
: >"$OUT/load.tsv"
load() {   # load PROJECT TAG
  local res
  res=$(import_file "$1" "$DATA/$2.tasks.json")
  log "  import $1/$2: HTTP ${res% *}, ${res#* } s"
  [ "${res% *}" = 201 ] || die "import of $2 into $1 failed: $(head -c 400 "$LOGS/import-$1.json")"
  printf '%s\t%s\t%s\n' "$1/$2" "$(stat -c %s "$DATA/$2.tasks.json")" "${res#* }" >>"$OUT/load.tsv"
}
LOAD_START=$(date +%s)
load bench small
for i in $(seq 1 "$TAGS"); do load bench "t$(printf %02d "$i")"; done
load export-10k "$BIG_TAG"   # a project with one 10,000-task tag, for the export scenario
[ "$LARGE_TASKS" -gt 0 ] && load bench-large large
log "loaded in $(($(date +%s) - LOAD_START)) s"
stop_service
# Plans depend on statistics; right after a bulk import PostgreSQL has none yet (autovacuum comes when it comes,
# and it is off on some clusters, ours included). ANALYZE=0 measures the database as the imports left it.
if [ "${ANALYZE:-1}" = 1 ]; then
  log "VACUUM (ANALYZE) of $BENCH_DB"
  admin_psql -d "$BENCH_DB" -c 'VACUUM (ANALYZE)' >&2
fi

# ---------------------------------------------------------------- measuring
log "measuring: starting the service with its defaults (body limit 64 MB)"
start_service measure QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=64M

proc_ticks() {   # utime + stime (+ children's, reaped) of the given PIDs
  local p
  for p in "$@"; do cat "/proc/$p/stat" 2>/dev/null || true; done |
    awk '{ sub(/^.*\) /, ""); t += $12 + $13 + $14 + $15 } END { print t + 0 }'
}
pg_ticks() {
  [ -n "$PG_POSTMASTER" ] || { echo 0; return; }
  # shellcheck disable=SC2046
  proc_ticks "$PG_POSTMASTER" $(ps -o pid= --ppid "$PG_POSTMASTER" 2>/dev/null || true)
}
status_kib() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$SERVICE_PID/status"; }

RUN_ID=$(date -u +%Y-%m-%dT%H:%M:%SZ)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
HEADER=$'scenario\ttag_tasks\trequests\tseconds\treq_s\tp50_ms\tp99_ms\tnon2xx\tsock_errors\tsvc_cpu_us_per_req\tpg_cpu_us_per_req\trss_mib\thwm_mib'
RESULTS=$OUT/results.tsv
{
  echo "# run $RUN_ID, commit $COMMIT, $(nproc) cores, $(uname -n)"
  echo "# wrk -t$THREADS -c$CONNS -d${DURATION}s after ${WARMUP}s warm-up; data: $TAGS tags x $TASKS tasks + small $SMALL_TASKS + large $LARGE_TASKS (up to $LARGE_SUBTASKS subtasks each), seed $SEED"
  echo "$HEADER"
} >"$RESULTS"

S0= P0= T0=
sample_start() { S0=$(proc_ticks "$SERVICE_PID"); P0=$(pg_ticks); T0=$(date +%s.%N); }
# record NAME TAG_TASKS REQUESTS SECONDS P50_MS P99_MS NON2XX SOCK_ERRORS (after the measured work)
record() {
  local s1 p1 line
  s1=$(proc_ticks "$SERVICE_PID"); p1=$(pg_ticks)
  line=$(awk -v OFS='\t' -v name="$1" -v tasks="$2" -v n="$3" -v secs="$4" -v p50="$5" -v p99="$6" -v bad="$7" \
    -v sock="$8" -v ds=$((s1 - S0)) -v dp=$((p1 - P0)) -v hz="$HZ" -v pg="$PG_POSTMASTER" \
    -v rss="$(status_kib VmRSS)" -v hwm="$(status_kib VmHWM)" 'BEGIN {
      per = n > 0 ? 1e6 / hz / n : 0
      print name, tasks, n, sprintf("%.1f", secs), sprintf("%.1f", n / secs), sprintf("%.2f", p50), sprintf("%.2f", p99),
        bad, sock, sprintf("%.0f", ds * per), pg ? sprintf("%.0f", dp * per) : "", sprintf("%.0f", rss / 1024),
        sprintf("%.0f", hwm / 1024) }')
  echo "$line" >>"$RESULTS"
  log "  $(tr '\t' ' ' <<<"$line")"
}

# wrk_run NAME PHASE SECONDS SCRIPT PATH [VAR=VALUE ...] -> the BENCH_RESULT fields
wrk_run() {
  local name=$1 phase=$2 secs=$3 script=$4 path=$5; shift 5
  env BENCH_LUA_DIR="$BENCH/wrk" BENCH_PATH="$path" BENCH_SEED="$SEED" THREADS="$THREADS" "$@" \
    wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --timeout 30s --latency -s "$BENCH/wrk/$script" "http://127.0.0.1:$HTTP_PORT" \
    >"$LOGS/$name-$phase.txt" 2>&1 || die "wrk failed (see $LOGS/$name-$phase.txt)"
  grep '^BENCH_RESULT' "$LOGS/$name-$phase.txt" | cut -f2- || die "no result from wrk (see $LOGS/$name-$phase.txt)"
}

# scenario NAME TAG_TASKS SCRIPT PATH [VAR=VALUE ...]: warm-up, then measure (WARMUP_PATH replaces PATH while warming)
scenario() {
  local name=$1 tasks=$2 script=$3 path=$4; shift 4
  wanted "$name" || return 0
  log "$name: warm-up ${WARMUP}s, then ${DURATION}s"
  [ "$WARMUP" -gt 0 ] && wrk_run "$name" warmup "$WARMUP" "$script" "${WARMUP_PATH:-$path}" "$@" >/dev/null
  sample_start
  local r n us p50 p99 bad c rd w t
  r=$(wrk_run "$name" measure "$DURATION" "$script" "$path" "$@") || exit 1
  read -r n us p50 p99 bad c rd w t <<<"$r"
  record "$name" "$tasks" "$n" "$(awk -v u="$us" 'BEGIN { print u / 1e6 }')" \
    "$(awk -v u="$p50" 'BEGIN { print u / 1000 }')" "$(awk -v u="$p99" 'BEGIN { print u / 1000 }')" "$bad" $((c + rd + w + t))
}

# curl_scenario NAME TAG_TASKS RUNS COMMAND...: COMMAND is run RUNS times with the run number as last argument and
# prints "http_code seconds"; p50 is the median time, p99 the slowest (few runs), req/s = runs / total time.
curl_scenario() {
  local name=$1 tasks=$2 runs=$3; shift 3
  wanted "$name" || return 0
  log "$name: $runs runs"
  sample_start
  local i res times=() bad=0 started
  started=$(date +%s.%N)
  for i in $(seq 1 "$runs"); do
    res=$("$@" "$i")
    log "  run $i: HTTP ${res% *}, ${res#* } s"
    [[ ${res% *} == 2* ]] || bad=$((bad + 1))
    times+=("${res#* }")
  done
  local stats
  stats=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1; s += $1 } END {
    printf "%s %s %s", s, t[int((NR + 1) / 2)] * 1000, t[NR] * 1000 }')
  read -r total p50 p99 <<<"$stats"
  record "$name" "$tasks" "$runs" "$total" "$p50" "$p99" "$bad" 0
}

T=$API/projects/bench/tags
PAGES_10K=$(( $(curl -fs "$T/$BIG_TAG/tasks?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2) / 50 ))
PENDING_10K=$(( $(curl -fs "$T/$BIG_TAG/tasks?size=1&status=pending" | grep -o '"total":[0-9]*' | cut -d: -f2) / 50 ))
PAGES_SMALL=$(( $(curl -fs "$T/small/tasks?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2) / 50 ))

# The JVM compiles its hot paths during its first tens of seconds under load: warm the service up on the reads (GET
# and pages) before the first measured scenario, so that the first scenario alone does not pay for the JIT (without
# this, get-100 measured 40 % below get-10k, which ran second).
if [ "$JIT_WARMUP" -gt 0 ]; then
  log "JIT warm-up: ${JIT_WARMUP}s of GET and pages of $BIG_TAG, not measured"
  wrk_run jit warmup-get $((JIT_WARMUP / 2)) random-path.lua "/api/projects/bench/tags/$BIG_TAG/tasks/{n}" N_MIN=1 N_MAX="$TASKS" >/dev/null
  wrk_run jit warmup-list $((JIT_WARMUP / 2)) random-path.lua "/api/projects/bench/tags/$BIG_TAG/tasks?page={n}&size=50" \
    N_MIN=0 N_MAX=$((PAGES_10K - 1)) >/dev/null
fi

scenario get-100 "$SMALL_TASKS" random-path.lua "/api/projects/bench/tags/small/tasks/{n}" N_MIN=1 N_MAX="$SMALL_TASKS"
scenario get-10k "$TASKS" random-path.lua "/api/projects/bench/tags/$BIG_TAG/tasks/{n}" N_MIN=1 N_MAX="$TASKS"
if [ "$LARGE_TASKS" -gt 0 ]; then
  scenario get-100k "$LARGE_TASKS" random-path.lua "/api/projects/bench-large/tags/large/tasks/{n}" N_MIN=1 N_MAX="$LARGE_TASKS"
fi
scenario list-100 "$SMALL_TASKS" random-path.lua "/api/projects/bench/tags/small/tasks?page={n}&size=50" N_MIN=0 N_MAX=$((PAGES_SMALL > 0 ? PAGES_SMALL - 1 : 0))
scenario list-10k "$TASKS" random-path.lua "/api/projects/bench/tags/$BIG_TAG/tasks?page={n}&size=50" N_MIN=0 N_MAX=$((PAGES_10K - 1))
if [ "$LARGE_TASKS" -gt 0 ]; then
  PAGES_LARGE=$(( $(curl -fs "$API/projects/bench-large/tags/large/tasks?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2) / 50 ))
  scenario list-100k "$LARGE_TASKS" random-path.lua "/api/projects/bench-large/tags/large/tasks?page={n}&size=50" N_MIN=0 N_MAX=$((PAGES_LARGE - 1))
fi
scenario list-pending-10k "$TASKS" random-path.lua "/api/projects/bench/tags/$BIG_TAG/tasks?status=pending&page={n}&size=50" N_MIN=0 N_MAX=$((PENDING_10K - 1))
scenario next-10k "$TASKS" random-path.lua "/api/projects/bench/tags/$BIG_TAG/next"
# PATCH warms up on another tag, so the measured tag's tasks are all still at version 0.
WARMUP_PATH=/api/projects/bench/tags/$PATCH_WARMUP_TAG/tasks \
  scenario patch-10k "$TASKS" patch-task.lua "/api/projects/bench/tags/$PATCH_TAG/tasks" N_MIN=1 N_MAX="$TASKS"
scenario post-10k "$TASKS" post-task.lua "/api/projects/bench/tags/$POST_TAG/tasks"

import_run() { import_file "import-$1" "$DATA/$BIG_TAG.tasks.json"; }
export_run() { curl -s -o "$LOGS/export.json" -w '%{http_code} %{time_total}\n' "$API/projects/export-10k/export"; }
curl_scenario import-10k "$TASKS" "$IMPORT_RUNS" import_run
curl_scenario export-10k "$TASKS" "$EXPORT_RUNS" export_run
stop_service

# ---------------------------------------------------------------- report
[ -s "$OUT/history.tsv" ] || echo "run	$HEADER" >"$OUT/history.tsv"
grep -v '^#' "$RESULTS" | tail -n +2 | sed "s/^/$RUN_ID\t/" >>"$OUT/history.tsv"
awk -F'\t' '
  /^#/ { sub(/^# /, ""); print; print ""; next }
  !h { h = 1; print "| scenario | tasks in tag | requests | req/s | p50 ms | p99 ms | non-2xx | socket errors | service CPU µs/req | PostgreSQL CPU µs/req | RSS MiB | peak RSS MiB |"
       print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"; next }
  { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $5, $6, $7, $8, $9, $10, $11, $12, $13 }
' "$RESULTS" >"$OUT/results.md"
java "$BENCH/Chart.java" "$RESULTS" "$OUT/chart.png" ${CHART_NOTE:+"$CHART_NOTE"}
log "done: $RESULTS, $OUT/results.md, $OUT/chart.png"
cat "$OUT/results.md"
