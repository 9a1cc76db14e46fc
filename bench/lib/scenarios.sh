# The benchmark scenarios. Each prints one markdown table; sourced by bench/run-all.

EVENT=bench-line
QG_FMT='b%021d'
OLD_FMT='00000000-0000-4000-8000-%012d'

# measure URL SCRIPT CONNS SECS [args]: warm-up, then ROUNDS rounds; sets RPS, P50, P99, ERR arrays.
measure() {
  local url=$1 script=$2 conns=$3 secs=$4 line; shift 4
  RPS=(); P50=(); P95=(); P99=(); ERR=()
  wrk_round "$url" "$script" "$conns" "$(( secs > 5 ? 5 : secs ))" "$@" >/dev/null
  for ((r = 0; r < ROUNDS; r++)); do
    line=$(wrk_round "$url" "$script" "$conns" "$secs" "$@" | grep '^RESULT')
    RPS+=("$(field "$line" rps)"); P50+=("$(field "$line" p50_ms)")
    P95+=("$(field "$line" p95_ms)"); P99+=("$(field "$line" p99_ms)"); ERR+=("$(field "$line" errors)")
  done
}

# 1. Status latency against line size, every position tier forced in turn, and the old KEYS method.
scenario_line_size() {
  local sizes=(1000 10000 100000 1000000) n tier conns=8 secs
  [ "$QUICK" = 1 ] && sizes=(1000 10000)
  table "## 1. Status against line size"
  table ""
  table "wrk -t1, GET /api/v1/queue/status with random real tokens spread over the line; -c$conns for"
  table "index and legacy, -c1 for the Redis-bound scan and old tiers. The scan tier runs with its bounds"
  table "raised (2,000,000 keys, 10 s) so that it completes; past them it answers from legacy_zset."
  table ""
  table "| waiters | tier | p50 ms | p99 ms | requests/s | errors | methods counted |"
  table "| ---: | --- | ---: | ---: | ---: | ---: | --- |"
  : >"$OUT/line-size.dat"
  for n in "${sizes[@]}"; do
    log "scenario 1: seeding $n waiters (queuegate layout and old layout)"
    redis-cli -p "$QG_REDIS" FLUSHALL >/dev/null
    redis-cli -p "$OLD_REDIS" FLUSHALL >/dev/null
    seed_line "$QG_REDIS" "$EVENT" "$n" 1
    seed_old "$OLD_REDIS" "$EVENT" "$n"
    sample_tokens 2000 "$n" "$EVENT" "$QG_FMT" >"$OUT/tokens-$n.txt"
    sample_tokens 2000 "$n" "$EVENT" "$OLD_FMT" >"$OUT/old-tokens-$n.txt"
    for tier in index scan legacy; do
      # The slow tiers are Redis-bound and serial: one connection, longer rounds at large sizes.
      local c=$conns secs=5
      [ "$tier" = scan ] && c=1 && [ "$n" -ge 100000 ] && secs=15
      service_start "s1-$tier-$n" QUEUEGATE_STORE=redis \
        QUEUEGATE_REDIS_NODES="redis://127.0.0.1:$QG_REDIS" QUEUEGATE_REDIS_POSITION_TIER="$tier" \
        QUEUEGATE_REDIS_SCAN_MAX_KEYS=2000000 QUEUEGATE_REDIS_SCAN_BUDGET=PT10S
      measure "http://127.0.0.1:$SERVICE_PORT" status.lua "$c" "$secs" "$OUT/tokens-$n.txt"
      table "| $n | $tier | $(stats "${P50[@]}") | $(stats "${P99[@]}") | $(stats "${RPS[@]}") | $(stats "${ERR[@]}") | $(method_counts) |"
      echo "$n $tier $(median "${P50[@]}") $(median "${P99[@]}") $(median "${RPS[@]}")" >>"$OUT/line-size.dat"
      stop "$SERVICE_PID"
    done
    taskset -c "$CPU_SERVICE" java -cp "$OUT/classes" OldGateway "$OLD_PORT" "$OLD_REDIS" \
      >"$OUT/old-gateway-$n.log" 2>&1 &
    local old=$!; PIDS+=("$old")
    until curl -sf "localhost:$OLD_PORT/healthz" >/dev/null; do sleep 0.2; done
    secs=5; [ "$n" -ge 100000 ] && secs=15; [ "$n" -ge 1000000 ] && secs=30
    measure "http://127.0.0.1:$OLD_PORT" status.lua 1 "$secs" "$OUT/old-tokens-$n.txt"
    table "| $n | old KEYS+XLEN | $(stats "${P50[@]}") | $(stats "${P99[@]}") | $(stats "${RPS[@]}") | $(stats "${ERR[@]}") | - |"
    echo "$n old $(median "${P50[@]}") $(median "${P99[@]}") $(median "${RPS[@]}")" >>"$OUT/line-size.dat"
    stop "$old"
    until redis-cli -p "$OLD_REDIS" ping >/dev/null 2>&1; do sleep 0.5; done
  done
  LARGEST=${sizes[-1]}
  local first last
  first=$(awk '$2 == "index" {print $4; exit}' "$OUT/line-size.dat")
  last=$(awk '$2 == "index" {v = $4} END {print v}' "$OUT/line-size.dat")
  table ""
  table "Across separate runs (noisy): index p99 at $LARGEST / p99 at ${sizes[0]} = $(awk -v a="$last" -v b="$first" 'BEGIN {printf "%.2f", a / b}')"
  paired_size_check "${sizes[0]}" "$LARGEST" "$conns"
}

# 1p. The paired p99 check of scenario 1 alone (1,000 against 1,000,000 waiters; --quick: 10,000).
scenario_paired_only() {
  local large=1000000
  [ "$QUICK" = 1 ] && large=10000
  table "## 1p. Status p99 at two line sizes, paired"
  redis-cli -p "$QG_REDIS" FLUSHALL >/dev/null
  seed_line "$QG_REDIS" "$EVENT" "$large" 1
  sample_tokens 2000 "$large" "$EVENT" "$QG_FMT" >"$OUT/tokens-$large.txt"
  paired_size_check 1000 "$large" 8
}

# paired_size_check SMALL LARGE CONNS: one service, a small and a large line side by side in the
# same Redis, rounds alternating between them, so the p99 ratio is measured in one run.
# The p99 of a sub-millisecond call is mostly the scheduler's: 9 pairs give a steadier median.
PAIRS=9
paired_size_check() {
  local small=$1 large=$2 conns=$3 url="http://127.0.0.1:$SERVICE_PORT" r a b ratios=() ps=() pl=()
  seed_line "$QG_REDIS" bench-small "$small" 1
  sample_tokens 2000 "$small" bench-small "$QG_FMT" >"$OUT/tokens-small.txt"
  service_start s1-paired QUEUEGATE_STORE=redis QUEUEGATE_REDIS_NODES="redis://127.0.0.1:$QG_REDIS"
  wrk_round "$url" status.lua "$conns" 5 "$OUT/tokens-small.txt" >/dev/null
  wrk_round "$url" status.lua "$conns" 5 "$OUT/tokens-$large.txt" >/dev/null
  for ((r = 0; r < PAIRS; r++)); do
    a=$(field "$(wrk_round "$url" status.lua "$conns" 5 "$OUT/tokens-small.txt")" p99_ms)
    b=$(field "$(wrk_round "$url" status.lua "$conns" 5 "$OUT/tokens-$large.txt")" p99_ms)
    ps+=("$a"); pl+=("$b")
    ratios+=("$(awk -v a="$b" -v b="$a" 'BEGIN {printf "%.3f", a / b}')")
  done
  stop "$SERVICE_PID"
  table ""
  table "Target, measured in one run (one service, both lines in one Redis, $PAIRS alternating round pairs):"
  table "index p99 at $small: $(stats "${ps[@]}") ms; at $large: $(stats "${pl[@]}") ms;"
  table "ratio per pair $(stats "${ratios[@]}") (target <= 1.3)."
  table ""
}

# ratio_rounds LABEL TOKENS: alternates /healthz and status rounds; one table row.
ratio_rounds() {
  local label=$1 tokens=$2 r h s ratios=() hs=() ss=() p99=() errs=()
  local url="http://127.0.0.1:$SERVICE_PORT"
  # Both routes get the JIT warm-up they need: the status path is deeper and compiles later, and
  # 3 s of warm-up measured its interpreter more than queuegate.
  wrk_round "$url" status.lua 32 10 "$tokens" >/dev/null
  wrk_round "$url/healthz" get.lua 32 5 >/dev/null
  wrk_round "$url" status.lua 32 10 "$tokens" >/dev/null
  for ((r = 0; r < ROUNDS; r++)); do
    h=$(field "$(wrk_round "$url/healthz" get.lua 32 5)" rps)
    s=$(wrk_round "$url" status.lua 32 5 "$tokens")
    hs+=("$h"); ss+=("$(field "$s" rps)"); p99+=("$(field "$s" p99_ms)"); errs+=("$(field "$s" errors)")
    ratios+=("$(awk -v a="$(field "$s" rps)" -v b="$h" 'BEGIN {printf "%.3f", a / b}')")
  done
  table "| $label | $(stats "${hs[@]}") | $(stats "${ss[@]}") | $(stats "${p99[@]}") | $(stats "${errs[@]}") | $(stats "${ratios[@]}") |"
}

# 2. Status throughput against /healthz in the same run, on each store, and the ZRANK floor.
scenario_throughput_ratio() {
  local n url="http://127.0.0.1:$SERVICE_PORT" cn
  n=${LARGEST:-$([ "$QUICK" = 1 ] && echo 10000 || echo 1000000)}
  cn=$n
  table "## 2. Status throughput against /healthz"
  table ""
  table "wrk -t1 -c32, after a 25 s warm-up, rounds of /healthz and status alternate; the ratio is taken"
  table "per round pair. Errors are failed or non-2xx status answers per round (they must be 0: a 404 is"
  table "cheaper than a real answer and would flatter the ratio)."
  table ""
  table "| store | /healthz req/s | status req/s | status p99 ms | status errors | ratio |"
  table "| --- | ---: | ---: | ---: | ---: | ---: |"
  if [ ! -f "$OUT/tokens-$n.txt" ]; then
    redis-cli -p "$QG_REDIS" FLUSHALL >/dev/null
    seed_line "$QG_REDIS" "$EVENT" "$n" 1
    sample_tokens 2000 "$n" "$EVENT" "$QG_FMT" >"$OUT/tokens-$n.txt"
  fi
  log "scenario 2: Redis standalone, $n waiters"
  service_start s2-standalone QUEUEGATE_STORE=redis QUEUEGATE_REDIS_NODES="redis://127.0.0.1:$QG_REDIS"
  ratio_rounds "Redis standalone, $n waiters (target >= 0.5)" "$OUT/tokens-$n.txt"
  stop "$SERVICE_PID"

  log "scenario 2: in-memory store"
  service_start s2-memory QUEUEGATE_STORE=memory
  : >"$OUT/mem-tokens.txt"
  wrk_round "$url" join.lua 16 4 "$EVENT" "$OUT/mem-tokens.txt" >/dev/null
  ratio_rounds "in-memory, $(wc -l <"$OUT/mem-tokens.txt") waiters (target >= 0.8)" "$OUT/mem-tokens.txt"
  stop "$SERVICE_PID"

  log "scenario 2: Redis Cluster, 3 primaries"
  local p ports=(17101 17102 17103) owner=""
  for p in "${ports[@]}"; do redis_start "cluster-$p" "$p" --cluster-enabled yes \
    --cluster-config-file "$OUT/redis-cluster-$p/nodes.conf"; done
  redis-cli --cluster create 127.0.0.1:17101 127.0.0.1:17102 127.0.0.1:17103 --cluster-yes >/dev/null
  # Every node must see the whole cluster before the seeding: a node that still answers CLUSTERDOWN
  # refuses the writes, and an empty line answers 404s.
  for p in "${ports[@]}"; do
    until redis-cli -p "$p" cluster info | grep -q 'cluster_state:ok'; do sleep 0.2; done
  done
  for p in "${ports[@]}"; do
    redis-cli -p "$p" EXISTS "queue:event:{$EVENT}" | grep -q MOVED || owner=$p
  done
  seed_line "$owner" "$EVENT" "$cn" 1
  local seeded; seeded=$(redis-cli -p "$owner" ZCARD "queue:event:{$EVENT}:position")
  if [ "$seeded" != "$cn" ]; then
    log "scenario 2: the cluster holds $seeded of $cn seeded waiters"; return 1
  fi
  service_start s2-cluster QUEUEGATE_STORE=redis QUEUEGATE_REDIS_MODE=cluster \
    QUEUEGATE_REDIS_NODES="127.0.0.1:17101,127.0.0.1:17102,127.0.0.1:17103"
  ratio_rounds "Redis Cluster (3 primaries), $cn waiters" "$OUT/tokens-$n.txt"
  stop "$SERVICE_PID"
  for p in "${ports[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done

  zrank_floor "$EVENT" "$n"
  redis-cli -p "$QG_REDIS" DEL "queue:event:{bench-small}:position" >/dev/null
  seed_line "$QG_REDIS" bench-small 1000 1
  zrank_floor bench-small 1000
  table ""
}

# zrank_floor EVENT SIZE: redis-benchmark on a bare ZRANK of the index, the floor of one round trip.
zrank_floor() {
  local event=$1 n=$2 rps=() p50=() p99=() line member r
  member=$(printf "$QG_FMT" $(( (n + 1) / 2 )))
  for ((r = 0; r <= ROUNDS; r++)); do
    line=$(taskset -c "$CPU_LOAD" redis-benchmark -p "$QG_REDIS" -c 32 -n 200000 --csv \
      ZRANK "queue:event:{$event}:position" "$member" | tail -1)
    [ "$r" = 0 ] && continue
    rps+=("$(cut -d, -f2 <<<"$line" | tr -d '"')"); p50+=("$(cut -d, -f5 <<<"$line" | tr -d '"')")
    p99+=("$(cut -d, -f7 <<<"$line" | tr -d '"')")
  done
  table ""
  table "Floor: redis-benchmark -c 32 -n 200000 ZRANK on the index of $n waiters: $(stats "${rps[@]}") req/s, p50 $(stats "${p50[@]}") ms, p99 $(stats "${p99[@]}") ms."
}

# 3. Join and enter throughput on both stores, and the admission bound.
scenario_join_enter() {
  local store url="http://127.0.0.1:$SERVICE_PORT" r line secs=5 total max bound
  [ "$QUICK" = 1 ] && secs=3
  table "## 3. Join and enter"
  table ""
  table "wrk -t1 -c16. Enter runs on waiters that joined in the join rounds, each token used once,"
  table "with a policy that lets everyone in (throughput), then with rate 200/s and burst 100 (bound)."
  table ""
  table "| store | join req/s | join p99 ms | enter req/s | enter p99 ms | grants in the bound test | most grants in one second | bound (rate x s + burst) |"
  table "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  for store in memory redis; do
    log "scenario 3: $store"
    redis-cli -p "$QG_REDIS" FLUSHALL >/dev/null
    service_start "s3-$store" QUEUEGATE_STORE="$store" QUEUEGATE_REDIS_NODES="redis://127.0.0.1:$QG_REDIS"
    policy enter-open '{"ready_window":1000000,"admission_rate_per_sec":100000,"admission_burst":100000}'
    policy enter-bound '{"ready_window":1000000,"admission_rate_per_sec":200,"admission_burst":100}'
    : >"$OUT/enter-$store.txt"
    measure "$url" join.lua 16 "$secs" enter-open "$OUT/enter-$store.txt"
    local jr=("${RPS[@]}") jp=("${P99[@]}") er=() ep=()
    local all; all=$(wc -l <"$OUT/enter-$store.txt")
    split -n "l/$((ROUNDS + 1))" -d "$OUT/enter-$store.txt" "$OUT/enter-$store-part"
    wrk_round "$url" enter.lua 16 1 "$OUT/enter-$store-part00" 1 >/dev/null
    for ((r = 1; r <= ROUNDS; r++)); do
      line=$(wrk_round "$url" enter.lua 16 2 "$OUT/enter-$store-part0$r" 1 | grep '^RESULT')
      er+=("$(field "$line" rps)"); ep+=("$(field "$line" p99_ms)")
    done
    : >"$OUT/bound-$store.txt"
    wrk_round "$url" join.lua 16 2 enter-bound "$OUT/bound-$store.txt" >/dev/null
    local out; out=$(wrk_round "$url" enter.lua 16 5 "$OUT/bound-$store.txt" 1)
    total=$(grep GRANTED <<<"$out" | sed 's/.*count=//' | awk '{s += $1} END {print s + 0}')
    max=$(grep GRANTED <<<"$out" | sed 's/.*count=//' | sort -n | tail -1)
    bound=$((200 * 5 + 100))
    table "| $store | $(stats "${jr[@]}") | $(stats "${jp[@]}") | $(stats "${er[@]}") | $(stats "${ep[@]}") | $total | ${max:-0} | $bound over 5 s, 300 in any second: $([ "$total" -le $bound ] && [ "${max:-0}" -le 300 ] && echo holds || echo EXCEEDED) |"
    echo "$store joined $all" >>"$OUT/join-enter.log"
    stop "$SERVICE_PID"
  done
  table ""
  table "Enter req/s counts granted and refused calls; with the open policy every call is granted unless the token ran out."
  table ""
}

# used_memory PORT
used_memory() { redis-cli -p "$1" INFO memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p'; }

# 4. Redis memory per waiter: queuegate's layout (legacy ZSET on and off) against the old one.
scenario_memory() {
  local sizes=(100000 1000000) n before after qg_on qg_off old
  [ "$QUICK" = 1 ] && sizes=(10000 50000)
  redis_start mem "$MEM_REDIS"
  table "## 4. Redis memory per waiter"
  table ""
  table "INFO memory used_memory delta / N, each layout written alone into the same empty Redis."
  table ""
  table "| waiters | queuegate, legacy ZSET on | queuegate, legacy ZSET off | old gateway | ratio (on / old) | ratio (off / old) |"
  table "| ---: | ---: | ---: | ---: | ---: | ---: |"
  for n in "${sizes[@]}"; do
    log "scenario 4: $n waiters"
    redis-cli -p "$MEM_REDIS" FLUSHALL >/dev/null; before=$(used_memory "$MEM_REDIS")
    seed_line "$MEM_REDIS" "$EVENT" "$n" 1; after=$(used_memory "$MEM_REDIS")
    qg_on=$(( (after - before) / n ))
    redis-cli -p "$MEM_REDIS" FLUSHALL >/dev/null; before=$(used_memory "$MEM_REDIS")
    seed_line "$MEM_REDIS" "$EVENT" "$n" 0; after=$(used_memory "$MEM_REDIS")
    qg_off=$(( (after - before) / n ))
    redis-cli -p "$MEM_REDIS" FLUSHALL >/dev/null; before=$(used_memory "$MEM_REDIS")
    seed_old "$MEM_REDIS" "$EVENT" "$n"; after=$(used_memory "$MEM_REDIS")
    old=$(( (after - before) / n ))
    table "| $n | $qg_on B | $qg_off B | $old B | $(awk -v a=$qg_on -v b=$old 'BEGIN {printf "%.2f", a / b}') | $(awk -v a=$qg_off -v b=$old 'BEGIN {printf "%.2f", a / b}') |"
  done
  redis-cli -p "$MEM_REDIS" FLUSHALL >/dev/null
  table ""
  table "Target: <= 0.5 x the old layout."
  table ""
}

# 5. The old gateway's load scenario: fixed 2-4 s polling against following poll_after_ms.
scenario_old_load() {
  local users=1000 mode r line seconds=150
  [ "$QUICK" = 1 ] && users=150
  table "## 5. The old gateway's load scenario"
  table ""
  table "$users virtual users join one event (ready window 100, 25 admissions/s, burst 25), poll"
  table "status and enter when ready (first poll spread over one interval). Redis standalone. A FIFO"
  table "violation is an admission while 100 or more earlier joiners still wait. ETA error: |eta_sec at join - actual wait|;"
  table "in range: the actual wait fell within [eta_low_sec, eta_high_sec] told at join; width: (high - low) / eta_sec."
  table ""
  table "| polling | status p95 ms | error rate % | status requests per admitted user | admitted | FIFO violations | ETA error median s | ETA error p90 s | ETA error median % | ETA error p90 % | ETA in range % | range width median % |"
  table "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for mode in fixed hint; do
    local p95=() er=() per=() adm=() fifo=() em=() e9=() rm=() r9=() cov=() wid=()
    redis-cli -p "$QG_REDIS" FLUSHALL >/dev/null
    service_start "s5-$mode" QUEUEGATE_STORE=redis QUEUEGATE_REDIS_NODES="redis://127.0.0.1:$QG_REDIS"
    for ((r = 0; r < ROUNDS; r++)); do
      log "scenario 5: $mode polling, round $((r + 1))"
      policy "hot-$mode-$r" '{"ready_window":100,"admission_rate_per_sec":25,"admission_burst":25}'
      line=$(taskset -c "$CPU_LOAD" java -cp "$OUT/classes" LoadDriver \
        "http://127.0.0.1:$SERVICE_PORT" "hot-$mode-$r" "$users" "$mode" 100 "$seconds" | grep '^RESULT')
      echo "$mode $line" >>"$OUT/old-load.log"
      p95+=("$(field "$line" status_p95_ms)"); er+=("$(field "$line" error_rate_pct)")
      per+=("$(field "$line" status_per_admitted)"); adm+=("$(field "$line" admitted)")
      fifo+=("$(field "$line" fifo_violations)"); em+=("$(field "$line" eta_err_median_s)")
      e9+=("$(field "$line" eta_err_p90_s)"); rm+=("$(field "$line" eta_rel_err_median_pct)")
      r9+=("$(field "$line" eta_rel_err_p90_pct)"); cov+=("$(field "$line" eta_in_range_pct)")
      wid+=("$(field "$line" eta_range_width_median_pct)")
    done
    stop "$SERVICE_PID"
    local label="every 2-4 s"; [ "$mode" = hint ] && label="poll_after_ms"
    table "| $label | $(stats "${p95[@]}") | $(stats "${er[@]}") | $(stats "${per[@]}") | $(stats "${adm[@]}") | $(stats "${fifo[@]}") | $(stats "${em[@]}") | $(stats "${e9[@]}") | $(stats "${rm[@]}") | $(stats "${r9[@]}") | $(stats "${cov[@]}") | $(stats "${wid[@]}") |"
  done
  table ""
  table "Targets: status p95 < 50 ms, error rate < 1%, FIFO violations 0; ETA error median <= 15%, ETA in range >= 80%."
  table ""
}

# 5b. Status traffic on a line that lasts ten minutes: the polling hint saves calls only where
# waiters wait long, so the short line above cannot show it. Every polling mode runs on ROUNDS
# events at once, in one service, so all of them see the same machine at the same time.
long_line_traffic() {
  # The burst equals the window: a ready waiter who polls every few seconds must find the capacity
  # of the seconds before still there. With a burst of 1, slow pollers left seconds unused, their
  # lines drained slower, and they were charged the polls of the longer wait (13 x instead of ~6 x).
  local users=600 rate=1 window=5 burst=5 seconds=780 mode r ev pids=() line
  [ "$QUICK" = 1 ] && users=60 seconds=120
  table "### 5b. Status calls on a ten-minute line"
  table ""
  table "$users virtual users per event join at once (ready window $window, $rate admission/s, burst $burst:"
  table "the line takes about $((users / rate / 60)) minutes to drain). Each polling mode runs on $ROUNDS events at the"
  table "same time, in one service on Redis standalone; cells are median (min-max) over the events."
  table ""
  table "| polling | status requests per admitted user | fewer calls than every 2 s | status p95 ms | error rate % | admitted | FIFO violations | ETA error median % | ETA error p90 % | ETA in range % | range width median % |"
  table "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  redis-cli -p "$QG_REDIS" FLUSHALL >/dev/null
  service_start s5-long QUEUEGATE_STORE=redis QUEUEGATE_REDIS_NODES="redis://127.0.0.1:$QG_REDIS"
  for mode in every2 fixed hint; do
    for ((r = 0; r < ROUNDS; r++)); do
      ev="long-$mode-$r"
      policy "$ev" "{\"ready_window\":$window,\"admission_rate_per_sec\":$rate,\"admission_burst\":$burst}"
      taskset -c "$CPU_LOAD" java -Xmx256m -cp "$OUT/classes" LoadDriver \
        "http://127.0.0.1:$SERVICE_PORT" "$ev" "$users" "$mode" "$window" "$seconds" \
        >"$OUT/long-$ev.log" 2>&1 &
      pids+=($!)
    done
  done
  log "scenario 5b: $((3 * ROUNDS)) lines of $users waiters, about $((users / rate / 60)) minutes"
  for r in "${pids[@]}"; do wait "$r" || true; done
  stop "$SERVICE_PID"
  local base_per
  for mode in every2 fixed hint; do
    local per=() p95=() er=() adm=() fifo=() rm=() r9=() cov=() wid=()
    for ((r = 0; r < ROUNDS; r++)); do
      line=$(grep '^RESULT' "$OUT/long-long-$mode-$r.log")
      cov+=("$(field "$line" eta_in_range_pct)"); wid+=("$(field "$line" eta_range_width_median_pct)")
      per+=("$(field "$line" status_per_admitted)"); p95+=("$(field "$line" status_p95_ms)")
      er+=("$(field "$line" error_rate_pct)"); adm+=("$(field "$line" admitted)")
      fifo+=("$(field "$line" fifo_violations)"); rm+=("$(field "$line" eta_rel_err_median_pct)")
      r9+=("$(field "$line" eta_rel_err_p90_pct)")
    done
    [ "$mode" = every2 ] && base_per=$(median "${per[@]}")
    local label="every 2 s (old web client)"
    [ "$mode" = fixed ] && label="every 2-4 s"
    [ "$mode" = hint ] && label="poll_after_ms"
    table "| $label | $(stats "${per[@]}") | $(awk -v a="$base_per" -v b="$(median "${per[@]}")" 'BEGIN {printf "%.1f x", a / b}') | $(stats "${p95[@]}") | $(stats "${er[@]}") | $(stats "${adm[@]}") | $(stats "${fifo[@]}") | $(stats "${rm[@]}") | $(stats "${r9[@]}") | $(stats "${cov[@]}") | $(stats "${wid[@]}") |"
  done
  table ""
  table "Target (docs/design.md#targets): a client that follows poll_after_ms cuts status traffic by an order of magnitude; ETA error median <= 15%, ETA in range >= 80%."
  table ""
}

# 5c. The ETA when the admission rate changes mid-sale: an operator halves it, then restores it.
# Nobody announces the change, so whoever joined before it was told the old rate; the range is what
# should still hold. Joins keep arriving, so estimates are made throughout on a measured history.
eta_rate_change() {
  local crowd=300 arrivals=7 arrive_for=150 rate=10 window=50 seconds=260 line pid
  [ "$QUICK" = 1 ] && crowd=60 arrive_for=40 seconds=120
  table "### 5c. ETA while the admission rate changes"
  table ""
  table "$crowd virtual users join at once, then $arrivals more per second for $arrive_for s (ready window $window, burst $rate,"
  table "poll_after_ms). The admission rate is $rate/s, halved to $((rate / 2))/s at 45 s and restored at 90 s through the"
  table "operator API, unannounced. Redis standalone, one event. ETA error and range as in scenario 5."
  table ""
  table "| waiters | admitted | error rate % | ETA error median % | ETA error p90 % | ETA in range % | range width median % |"
  table "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  redis-cli -p "$QG_REDIS" FLUSHALL >/dev/null
  service_start s5c QUEUEGATE_STORE=redis QUEUEGATE_REDIS_NODES="redis://127.0.0.1:$QG_REDIS"
  policy rate-change "{\"ready_window\":$window,\"admission_rate_per_sec\":$rate,\"admission_burst\":$rate}"
  ETA_DUMP="$OUT/eta-5c.txt" taskset -c "$CPU_LOAD" java -cp "$OUT/classes" LoadDriver \
    "http://127.0.0.1:$SERVICE_PORT" rate-change "$crowd" hint "$window" "$seconds" "$arrivals" "$arrive_for" \
    >"$OUT/eta-5c.log" 2>&1 &
  pid=$!
  sleep 45
  policy rate-change "{\"ready_window\":$window,\"admission_rate_per_sec\":$((rate / 2)),\"admission_burst\":$rate}"
  log "scenario 5c: rate halved"
  sleep 45
  policy rate-change "{\"ready_window\":$window,\"admission_rate_per_sec\":$rate,\"admission_burst\":$rate}"
  log "scenario 5c: rate restored"
  wait "$pid" || true
  stop "$SERVICE_PID"
  line=$(grep '^RESULT' "$OUT/eta-5c.log")
  table "| $(field "$line" users) | $(field "$line" admitted) | $(field "$line" error_rate_pct) | $(field "$line" eta_rel_err_median_pct) | $(field "$line" eta_rel_err_p90_pct) | $(field "$line" eta_in_range_pct) | $(field "$line" eta_range_width_median_pct) |"
  table ""
  table "Targets: ETA error median <= 15%, ETA in range >= 80%."
  table ""
}

# The chart: status p99 against line size per tier (gnuplot, PNG into docs/).
draw_chart() {
  local tier
  for tier in index scan legacy old; do
    awk -v t="$tier" '$2 == t {print $1, $3, $4}' "$OUT/line-size.dat" >"$OUT/chart-$tier.dat"
  done
  cp "$OUT/line-size.dat" "$OUT/chart-source.dat"
  gnuplot <<GP
set terminal pngcairo size 1200,520 noenhanced font "sans,10"
set output "$OUT/status-vs-line-size.png"
set multiplot layout 1,2 title "queuegate status latency against line size (wrk, same machine, one run)"
set logscale xy
set xrange [600:1600000]
set xlabel "waiters in the event"
set key top left
set grid
set format x "%.0s%c"
set title "p50, ms (log)"
plot "$OUT/chart-index.dat" u 1:2 w lp lw 2 pt 7 title "position_index (ZRANK)", \
     "$OUT/chart-scan.dat" u 1:2 w lp lw 2 pt 5 title "scan_fallback (SCAN)", \
     "$OUT/chart-legacy.dat" u 1:2 w lp lw 2 pt 9 title "legacy_zset (ZRANK)", \
     "$OUT/chart-old.dat" u 1:2 w lp lw 2 pt 13 title "old gateway (KEYS + XLEN)"
set title "p99, ms (log)"
plot "$OUT/chart-index.dat" u 1:3 w lp lw 2 pt 7 title "position_index (ZRANK)", \
     "$OUT/chart-scan.dat" u 1:3 w lp lw 2 pt 5 title "scan_fallback (SCAN)", \
     "$OUT/chart-legacy.dat" u 1:3 w lp lw 2 pt 9 title "legacy_zset (ZRANK)", \
     "$OUT/chart-old.dat" u 1:3 w lp lw 2 pt 13 title "old gateway (KEYS + XLEN)"
unset multiplot
GP
  log "chart: $OUT/status-vs-line-size.png (copy to docs/ when publishing)"
}

# 6. Gate-check throughput against /healthz in the same run (docs/design.md#gate): the common case,
# a visitor with a valid session cookie, which costs no store round trip.
scenario_gate_check() {
  local url="http://127.0.0.1:$SERVICE_PORT" store label
  table "## 6. Gate check throughput against /healthz"
  table ""
  table "wrk -t1 -c32 asks GET /gate/check?proxy=nginx as nginx's auth_request does, for a protected"
  table "path, each request with one of 100 valid session cookies; rounds of /healthz and the check"
  table "alternate after a warm-up and the ratio is taken per round pair. Errors are non-2xx answers."
  table ""
  table "| store | /healthz req/s | gate check req/s | gate check p99 ms | errors | ratio (target >= 0.7) |"
  table "| --- | ---: | ---: | ---: | ---: | ---: |"
  for store in redis memory; do
    log "scenario 6: gate check, $store store"
    redis-cli -p "$QG_REDIS" FLUSHALL >/dev/null
    service_start "s6-$store" QUEUEGATE_STORE="$store" \
      QUEUEGATE_REDIS_NODES="redis://127.0.0.1:$QG_REDIS" \
      QUEUEGATE_GATE_SESSION_SECRET=bench-gate-session-secret-0123456789abcdef
    curl -sf -X PUT "$url/api/v1/admin/rooms/bench" -H 'Authorization: Bearer bench' \
      -H 'Content-Type: application/json' \
      -d '{"host":"shop.example","path_prefixes":["/checkout"],"event_id":"bench-gate","idle_timeout_sec":3600,"hard_cap_sec":7200}' \
      >/dev/null
    : >"$OUT/gate-cookies.txt"
    for _ in $(seq 100); do
      curl -s -o /dev/null -D - "$url/gate/check?proxy=nginx" -H 'X-Forwarded-Host: shop.example' \
        -H 'X-Forwarded-Uri: /checkout/cart' | sed -n 's/^Set-Cookie: \([^;]*\);.*/\1/p' \
        >>"$OUT/gate-cookies.txt"
    done
    if [ "$(wc -l <"$OUT/gate-cookies.txt")" != 100 ]; then
      log "scenario 6: expected 100 session cookies, got $(wc -l <"$OUT/gate-cookies.txt")"
      stop "$SERVICE_PID"; return 1
    fi
    label="$([ "$store" = redis ] && echo "Redis standalone" || echo "in-memory")"
    gate_rounds "$label"
    stop "$SERVICE_PID"
  done
  table ""
}

# gate_rounds LABEL: warm-up, then ROUNDS pairs of /healthz and gate-check rounds.
gate_rounds() {
  local r h g ratios=() hs=() gs=() p99=() errs=() url="http://127.0.0.1:$SERVICE_PORT"
  local args=("$OUT/gate-cookies.txt" shop.example "/checkout/item?size=m")
  wrk_round "$url" gate.lua 32 10 "${args[@]}" >/dev/null
  wrk_round "$url/healthz" get.lua 32 5 >/dev/null
  wrk_round "$url" gate.lua 32 10 "${args[@]}" >/dev/null
  for ((r = 0; r < ROUNDS; r++)); do
    h=$(field "$(wrk_round "$url/healthz" get.lua 32 5)" rps)
    g=$(wrk_round "$url" gate.lua 32 5 "${args[@]}")
    hs+=("$h"); gs+=("$(field "$g" rps)"); p99+=("$(field "$g" p99_ms)"); errs+=("$(field "$g" errors)")
    ratios+=("$(awk -v a="$(field "$g" rps)" -v b="$h" 'BEGIN {printf "%.3f", a / b}')")
  done
  table "| $1 | $(stats "${hs[@]}") | $(stats "${gs[@]}") | $(stats "${p99[@]}") | $(stats "${errs[@]}") | $(stats "${ratios[@]}") |"
}
