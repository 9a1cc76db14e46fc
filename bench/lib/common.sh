# Helpers shared by the bench scripts: pinning, processes, wrk rounds and statistics.
# Sourced by bench/run-all; expects BENCH (bench dir), OUT (results dir) and QUICK (0/1).

CPU_SERVICE="${BENCH_CPU_SERVICE:-1}"  # the system under test gets a core of its own
CPU_LOAD="${BENCH_CPU_LOAD:-0}"        # wrk, redis-benchmark, the drivers, seeders and Redis
CPU_REDIS="${BENCH_CPU_REDIS:-0}"
PIDS=()
# BENCH_NICE=-10 starts Redis and the services at that niceness (all their threads), so that other
# work on a shared machine preempts them less; unset, nothing changes.
NICE=(); [ -n "${BENCH_NICE:-}" ] && NICE=(nice -n "$BENCH_NICE")

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}

# redis_start NAME PORT [extra redis-server args...]
redis_start() {
  local name=$1 port=$2; shift 2
  # A server left on the port would answer the readiness ping below and be measured instead.
  if redis-cli -p "$port" ping >/dev/null 2>&1; then
    log "port $port already has a Redis; stop it first (redis-cli -p $port shutdown nosave)"
    exit 1
  fi
  mkdir -p "$OUT/redis-$name"
  "${NICE[@]}" taskset -c "$CPU_REDIS" redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$OUT/redis-$name" --logfile "$OUT/redis-$name/log" "$@" &
  PIDS+=($!)
  until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
}

# service_start NAME [VAR=value...]: queuegate pinned to CPU_SERVICE on SERVICE_PORT.
service_start() {
  local attempt
  for attempt in 1 2 3; do
    service_try "$@" && return 0
    log "service did not start (attempt $attempt); retrying"
  done
  tail -5 "$OUT/service-$1.log"; exit 1
}

service_try() {
  local name=$1; shift
  env SERVER_PORT="$SERVICE_PORT" QUEUEGATE_ADMIN_TOKEN=bench QUEUEGATE_REDIS_COMMAND_TIMEOUT=PT2S \
    QUEUEGATE_RATE_LIMIT_PER_SEC=10000000 QUEUEGATE_RATE_LIMIT_BURST=10000000 \
    QUEUEGATE_RATE_LIMIT_JOIN_PER_SEC=10000000 QUEUEGATE_RATE_LIMIT_JOIN_BURST=10000000 \
    QUEUEGATE_RATE_LIMIT_TOKEN_PER_SEC=10000000 QUEUEGATE_RATE_LIMIT_TOKEN_BURST=10000000 \
    QUEUEGATE_RATE_LIMIT_UNKNOWN_TOKEN_PER_SEC=10000000 \
    QUEUEGATE_RATE_LIMIT_UNKNOWN_TOKEN_BURST=10000000 \
    QUEUEGATE_POLICY_HEARTBEAT_TIMEOUT=PT24H QUEUEGATE_ADMISSION_TOKEN_ALLOW_EPHEMERAL=true "$@" \
    "${NICE[@]}" taskset -c "$CPU_SERVICE" java -Xms1g -Xmx1g -jar "$JAR" >"$OUT/service-$name.log" 2>&1 &
  SERVICE_PID=$!
  PIDS+=("$SERVICE_PID")
  local tries=0
  until curl -sf "localhost:$SERVICE_PORT/healthz" >/dev/null; do
    sleep 0.2; tries=$((tries + 1))
    if ! kill -0 "$SERVICE_PID" 2>/dev/null || [ $tries -gt 300 ]; then
      stop "$SERVICE_PID"; return 1
    fi
  done
}

# stop PID: ends one process this script started.
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# wrk_round URL SCRIPT CONNECTIONS SECONDS [script args...] -> prints the RESULT line (and more)
wrk_round() {
  local url=$1 script=$2 conns=$3 secs=$4; shift 4
  BENCH_LUA="$BENCH/lua" taskset -c "$CPU_LOAD" wrk -t1 -c"$conns" -d"${secs}s" --timeout 60s \
    -s "$BENCH/lua/$script" "$url" -- "$@" | grep -E '^(RESULT|GRANTED)'
}

# field LINE KEY: the value of key=value in a RESULT line.
field() { sed -n "s/.*[ ]$2=\([^ ]*\).*/\1/p" <<<"$1"; }

# stats VALUES...: "median (min-max)" of numbers.
stats() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2;
    printf "%s (%s-%s)", fmt(m), fmt(v[1]), fmt(v[NR]) }
    function fmt(x) { return (x >= 100) ? sprintf("%.0f", x) : (x >= 10 ? sprintf("%.1f", x) : sprintf("%.2f", x)) }'
}

# median VALUES...
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

# table LINE: appends a line to the results file and prints it.
table() { printf '%s\n' "$*" | tee -a "$OUT/tables.md"; }

# seed_line PORT EVENT COUNT LEGACY(1/0): the Redis store's exact layout, pipelined Lua batches.
seed_line() {
  local port=$1 event=$2 count=$3 legacy=$4 batch=2000 sha base now
  base="queue:event:{$event}"
  now=$(($(date +%s) * 1000))
  sha=$(redis-cli -p "$port" SCRIPT LOAD "$(cat "$BENCH/redis/seed.lua")")
  for ((first = 1; first <= count; first += batch)); do
    local n=$((count - first + 1 < batch ? count - first + 1 : batch))
    printf 'EVALSHA %s 5 %s:position %s %s:heartbeat %s:stats %s:seq %s:w: %d %d %s %s\r\n' \
      "$sha" "$base" "$base" "$base" "$base" "$base" "$base" "$first" "$n" "$now" "$legacy"
  done | taskset -c "$CPU_LOAD" redis-cli -p "$port" --pipe --pipe-timeout 600 >/dev/null
  redis-cli -p "$port" ZINCRBY queuegate:events "$count" "$event" >/dev/null
}

# seed_old PORT EVENT COUNT: the old gateway's layout.
seed_old() {
  local port=$1 event=$2 count=$3 batch=2000 sha now
  now=$(($(date +%s) * 1000))
  sha=$(redis-cli -p "$port" SCRIPT LOAD "$(cat "$BENCH/redis/seed_old.lua")")
  for ((first = 1; first <= count; first += batch)); do
    local n=$((count - first + 1 < batch ? count - first + 1 : batch))
    printf 'EVALSHA %s 2 queue:event:{%s} position_index:{%s} %s %d %d %s\r\n' \
      "$sha" "$event" "$event" "$event" "$first" "$n" "$now"
  done | taskset -c "$CPU_LOAD" redis-cli -p "$port" --pipe --pipe-timeout 600 >/dev/null
}

# sample_tokens COUNT SIZE EVENT FORMAT: random waiting tokens spread over the whole line.
sample_tokens() {
  local count=$1 size=$2 event=$3 format=$4
  awk -v c="$count" -v n="$size" -v e="$event" -v f="$format" \
    'BEGIN { srand(42); for (i = 0; i < c; i++) printf "%s~" f "\n", e, 1 + int(rand() * n) }'
}

# method_counts: the position methods the service counted, from /metrics.
method_counts() {
  curl -s "localhost:$SERVICE_PORT/metrics" | grep '^queue_position_calculation_total' \
    | sed 's/queue_position_calculation_total{.*method="\([a-z_]*\)".*} \(.*\)/\1=\2/' | tr '\n' ' '
}

# policy EVENT JSON: sets an event's policy through the operator API.
policy() {
  curl -sf -X PUT "localhost:$SERVICE_PORT/api/v1/admin/events/$1" -H 'Authorization: Bearer bench' \
    -H 'Content-Type: application/json' -d "$2" >/dev/null
}
