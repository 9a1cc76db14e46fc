-- admit: the enter step of AdmissionLedger.admit, in its exact check order. Any refusal returns
-- before the first write (dropping already expired live admissions changes nothing observable).
-- KEYS: 1-13 the line keys (lib_line.lua; live admissions among them), 14 waiter hash,
--   15 tombstone, 16 limiter, 17 admission times (for the ETA).
-- ARGV: 1 waiter id, 2 ready window, 3 admission paused ('1'/'0'), 4 interval ns, 5 tolerance ns,
--   6 max active (0 none), 7 admission id, 8 ttl ms, 9 now ms, 10 now s, 11 now nanos,
--   12 legacy ZSET on ('1'/'0'), 13 the longest ETA window ms (admission times older are dropped),
--   14 idle retention ms (settle_if_idle), 15 the feed's max length (docs/design.md#feed).
-- Reply: {'admitted', seq, uid, ident, joined ms}, or a refusal: {'expired'}, {'missing'},
--   {'paused'}, {'not_open'}, {'index_miss', seq}, {'beyond', position}, {'max_active', retry ms} or
--   {'no_capacity', retry ns}.
local waiter_key, tombstone_key, limiter_key, admissions_key =
  KEYS[14], KEYS[15], KEYS[16], KEYS[17]
local id, ready_window, paused = ARGV[1], tonumber(ARGV[2]), ARGV[3] == '1'
local interval_ns, tolerance_ns = tonumber(ARGV[4]), tonumber(ARGV[5])
local max_active, admission_id, ttl = tonumber(ARGV[6]), ARGV[7], tonumber(ARGV[8])
local now, now_s, now_n = tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[11])
local legacy_on, longest_window, keep_ms = ARGV[12] == '1', tonumber(ARGV[13]), ARGV[14]
local feed_length = ARGV[15]

local w = read_waiter(waiter_key)
if not w then
  if tombstoned(tombstone_key, now) then
    return {'expired'}
  end
  local seq = legacy_on and redis.call('ZSCORE', legacy_key, id)
  if not seq then
    return {'missing'}
  end
  -- Known only by the legacy set, it may have been a pre-queue entrant: while a pre-queue waits for
  -- its opening, everyone here joined it, and a join order must not let anyone in early.
  if redis.call('EXISTS', pre_key, pre_new_key) > 0
      and redis.call('HEXISTS', shuffle_key, 'opened_at') == 0 then
    return {'not_open'}
  end
  w = legacy_waiter(seq)
end

if paused then
  return {'paused'}
end

local rank, waits = rank_of(id, w, index_key, pre_key, pre_new_key, shuffle_key)
if waits == '1' then
  return {'not_open'}
end
if not rank and legacy_on then
  rank = redis.call('ZRANK', legacy_key, id)
end
if not rank then
  return {'index_miss', w[1]}
end
if rank + 1 > ready_window then
  return {'beyond', rank + 1}
end

redis.call('ZREMRANGEBYSCORE', live_key, '-inf', now)
if max_active > 0 and redis.call('ZCARD', live_key) >= max_active then
  local first = redis.call('ZRANGE', live_key, 0, 0, 'WITHSCORES')
  return {'max_active', tonumber(first[2]) - now}
end

local ok, tat_s, tat_n, _, retry_ns, reset_ns =
  gcra_decide(redis.call('GET', limiter_key), now_s, now_n, interval_ns, tolerance_ns)
if ok == 0 then
  return {'no_capacity', retry_ns}
end

gcra_store(limiter_key, tat_s, tat_n, reset_ns)
local _, named = remove_waiter(id, waiter_key)
if named then
  log_append('admit|' .. ARGV[9] .. '|' .. named .. '|' .. (rank + 1) .. '|' .. ARGV[2])
end
redis.call('ZADD', live_key, now + ttl, admission_id)
if redis.call('PTTL', live_key) < ttl then
  redis.call('PEXPIRE', live_key, ttl)
end
redis.call('ZADD', admissions_key, now, admission_id)
redis.call('ZREMRANGEBYSCORE', admissions_key, '-inf', now - longest_window)
redis.call('PEXPIRE', admissions_key, longest_window)
redis.call('HINCRBY', stats_key, 'admitted', 1)
feed_flush(feed_key, feed_length)
settle_if_idle(keep_ms)
return {'admitted', w[1], w[2], w[3], w[4]}
