-- admit: the enter step of AdmissionLedger.admit, in its exact check order. Any refusal returns
-- before the first write (dropping already expired live admissions changes nothing observable).
-- KEYS 1-5 as lib_line.lua, KEYS[6] waiter hash, KEYS[7] tombstone, KEYS[8] limiter, KEYS[9] live
-- admissions, KEYS[10] admission times. ARGV: waiter id, ready window, paused, interval ns,
-- tolerance ns, max active, admission id, ttl ms, now ms, now s, now nanos, legacy on.
local id, now, legacy_on = ARGV[1], tonumber(ARGV[9]), ARGV[12] == '1'

local f = redis.call('HMGET', KEYS[6], 'seq', 'uid', 'ident', 'joined')
if not f[1] then
  local tomb = redis.call('GET', KEYS[7])
  if tomb and tonumber(tomb) > now then
    return {'expired'}
  end
  local seq = legacy_on and redis.call('ZSCORE', KEYS[2], id)
  if not seq then
    return {'missing'}
  end
  f = {seq, '', '', '-1'}
end

if ARGV[3] == '1' then
  return {'paused'}
end

local rank = redis.call('ZRANK', KEYS[1], id)
if not rank and legacy_on then
  rank = redis.call('ZRANK', KEYS[2], id)
end
if not rank then
  return {'index_miss', f[1]}
end
if rank + 1 > tonumber(ARGV[2]) then
  return {'beyond', rank + 1}
end

redis.call('ZREMRANGEBYSCORE', KEYS[9], '-inf', now)
local max_active = tonumber(ARGV[6])
if max_active > 0 and redis.call('ZCARD', KEYS[9]) >= max_active then
  local first = redis.call('ZRANGE', KEYS[9], 0, 0, 'WITHSCORES')
  return {'max_active', tonumber(first[2]) - now}
end

local ok, tat_s, tat_n, _, retry_ns, reset_ns =
  gcra_decide(redis.call('GET', KEYS[8]), tonumber(ARGV[10]), tonumber(ARGV[11]),
    tonumber(ARGV[4]), tonumber(ARGV[5]))
if ok == 0 then
  return {'no_capacity', retry_ns}
end

gcra_store(KEYS[8], tat_s, tat_n, reset_ns)
remove_waiter(id, KEYS[6])
local ttl = tonumber(ARGV[8])
redis.call('ZADD', KEYS[9], now + ttl, ARGV[7])
if redis.call('PTTL', KEYS[9]) < ttl then
  redis.call('PEXPIRE', KEYS[9], ttl)
end
redis.call('ZADD', KEYS[10], now, ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[10], '-inf', now - 900000)
redis.call('PEXPIRE', KEYS[10], 900000)
redis.call('HINCRBY', KEYS[5], 'admitted', 1)
return {'admitted', f[1], f[2] or '', f[3] or '', f[4] or '-1'}
