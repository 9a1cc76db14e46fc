#!lua flags=no-writes
-- locate: where waiters stand. Read-only, so EVALSHA_RO may run it on a replica. A status call is
-- one round trip, and concurrent lookups of one event share a call (LocateBatches).
-- KEYS[1] position index, KEYS[2] legacy ZSET, then per waiter i its hash KEYS[1 + 2i] and its
-- tombstone KEYS[2 + 2i].
-- ARGV: legacy on, now ms, first tier ('index'; 'scan' or 'legacy' force a lower tier for
-- benchmarks), then the waiter ids in KEYS order.
-- Returns one reply per waiter: {method, seq, uid, ident, joined ms, rank or -1} where method is
-- 'index' (tier 1), 'scan' (hash found, index missed: tier 2 in Java), 'legacy' (tier 3), or
-- {'expired'} / {'missing'}.
local legacy, now, tier = ARGV[1] == '1', tonumber(ARGV[2]), ARGV[3]

local function locate(id, hash, tombstone)
  local f = {false}
  if tier ~= 'legacy' then
    f = redis.call('HMGET', hash, 'seq', 'uid', 'ident', 'joined')
  end
  if f[1] then
    local rank = false
    if tier == 'index' then
      rank = redis.call('ZRANK', KEYS[1], id)
    end
    if rank then
      return {'index', f[1], f[2] or '', f[3] or '', f[4] or '-1', rank}
    end
    return {'scan', f[1], f[2] or '', f[3] or '', f[4] or '-1', -1}
  end
  local tomb = redis.call('GET', tombstone)
  if tomb and tonumber(tomb) > now then
    return {'expired'}
  end
  if legacy then
    local rank = redis.call('ZRANK', KEYS[2], id)
    if rank then
      return {'legacy', redis.call('ZSCORE', KEYS[2], id), '', '', '-1', rank}
    end
  end
  return {'missing'}
end

local out = {}
for i = 1, #ARGV - 3 do
  out[i] = locate(ARGV[3 + i], KEYS[1 + 2 * i], KEYS[2 + 2 * i])
end
return out
