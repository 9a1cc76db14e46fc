#!lua flags=no-writes
-- locate: read-only, so EVALSHA_RO may run it on a replica. Status is this one round trip.
-- KEYS[1] waiter hash, KEYS[2] position index, KEYS[3] tombstone, KEYS[4] legacy ZSET.
-- ARGV: waiter id, legacy on, now ms, first tier ('index'; 'scan' or 'legacy' force a lower tier for
-- benchmarks). Returns {method, seq, uid, ident, joined ms, rank or -1} where method is
-- 'index' (tier 1), 'scan' (hash found, index missed: tier 2 in Java), 'legacy' (tier 3), or
-- {'expired'} / {'missing'}.
local tier = ARGV[4]
local f = {false}
if tier ~= 'legacy' then
  f = redis.call('HMGET', KEYS[1], 'seq', 'uid', 'ident', 'joined')
end
if f[1] then
  local rank = false
  if tier == 'index' then
    rank = redis.call('ZRANK', KEYS[2], ARGV[1])
  end
  if rank then
    return {'index', f[1], f[2] or '', f[3] or '', f[4] or '-1', rank}
  end
  return {'scan', f[1], f[2] or '', f[3] or '', f[4] or '-1', -1}
end
local tomb = redis.call('GET', KEYS[3])
if tomb and tonumber(tomb) > tonumber(ARGV[3]) then
  return {'expired'}
end
if ARGV[2] == '1' then
  local rank = redis.call('ZRANK', KEYS[4], ARGV[1])
  if rank then
    return {'legacy', redis.call('ZSCORE', KEYS[4], ARGV[1]), '', '', '-1', rank}
  end
end
return {'missing'}
