-- gate_admit: GateSessions.admitAtOnce, in its exact check order. Any refusal returns before the
-- first write. A counted admission (mode passthrough) skips the checks and is only recorded.
-- KEYS: 1 position index, 2 legacy ZSET, 3 live admissions, 4 limiter, 5 admission times (for the
--   ETA), 6 stats, 7 policy, 8 pre-queue (scored), 9 pre-queue (unscored).
-- ARGV: 1 counted ('1'/'0'), 2 admission paused ('1'/'0'), 3 interval ns, 4 tolerance ns,
--   5 max active (0 none), 6 admission id, 7 expires at ms, 8 now ms, 9 now s, 10 now nanos,
--   11 legacy ZSET on ('1'/'0'), 12 the longest ETA window ms (admission times older are dropped),
--   13 how long the counters of an event without waiters or policy are kept, ms.
-- Reply: {'admitted'}, or a refusal: {'line'}, {'paused'}, {'max_active'} or {'no_capacity'}.
local position_key, legacy_key, live_key = KEYS[1], KEYS[2], KEYS[3]
local limiter_key, admissions_key, stats_key, policy_key = KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local pre_key, pre_new_key = KEYS[8], KEYS[9]
local counted, paused = ARGV[1] == '1', ARGV[2] == '1'
local interval_ns, tolerance_ns = tonumber(ARGV[3]), tonumber(ARGV[4])
local max_active, admission_id, expires_at = tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
local now, now_s, now_n = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local legacy_on, longest_window, keep_ms = ARGV[11] == '1', tonumber(ARGV[12]), tonumber(ARGV[13])

if not counted then
  if redis.call('ZCARD', position_key) > 0
      or redis.call('EXISTS', pre_key, pre_new_key) > 0
      or (legacy_on and redis.call('ZCARD', legacy_key) > 0) then
    return {'line'}
  end
  if paused then
    return {'paused'}
  end
  redis.call('ZREMRANGEBYSCORE', live_key, '-inf', now)
  if max_active > 0 and redis.call('ZCARD', live_key) >= max_active then
    return {'max_active'}
  end
  local ok, tat_s, tat_n, _, _, reset_ns =
    gcra_decide(redis.call('GET', limiter_key), now_s, now_n, interval_ns, tolerance_ns)
  if ok == 0 then
    return {'no_capacity'}
  end
  gcra_store(limiter_key, tat_s, tat_n, reset_ns)
end

redis.call('ZADD', live_key, expires_at, admission_id)
local ttl = expires_at - now
if ttl > 0 and redis.call('PTTL', live_key) < ttl then
  redis.call('PEXPIRE', live_key, ttl)
end
redis.call('ZADD', admissions_key, now, admission_id)
redis.call('ZREMRANGEBYSCORE', admissions_key, '-inf', now - longest_window)
redis.call('PEXPIRE', admissions_key, longest_window)
redis.call('HINCRBY', stats_key, 'admitted', 1)
-- Nobody waits here (or the admission is only counted): as when a line empties, the counters of an
-- event nobody configured go once its last live admission ends, or after keep_ms if later.
if redis.call('EXISTS', policy_key) == 0
    and redis.call('EXISTS', position_key, legacy_key) == 0 then
  redis.call('PEXPIRE', stats_key, math.max(keep_ms, redis.call('PTTL', live_key)))
end
return {'admitted'}
