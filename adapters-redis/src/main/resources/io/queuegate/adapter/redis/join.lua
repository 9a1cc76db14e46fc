-- join: one atomic step on one slot. KEYS 1-5 as lib_line.lua, KEYS[6] sequence, KEYS[7] new waiter.
-- ARGV: waiter id, user id or '', identity or '', now ms, max waiting (0 none), legacy on, waiter
-- key prefix. Returns {'joined'|'existing', id, seq, uid, ident, joined ms, rank or -1} or {'full'}.
local id, uid, ident, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local max_waiting, legacy_on, prefix = tonumber(ARGV[5]), ARGV[6] == '1', ARGV[7]

if ident ~= '' then
  local holder = redis.call('HGET', KEYS[4], ident)
  if holder then
    local f = redis.call('HMGET', prefix .. holder, 'seq', 'uid', 'ident', 'joined')
    if f[1] then
      redis.call('ZADD', KEYS[3], 'XX', now, holder)
      local rank = redis.call('ZRANK', KEYS[1], holder)
      return {'existing', holder, f[1], f[2] or '', f[3] or '', f[4] or '-1', rank or -1}
    end
    -- The holder is gone (its hash was lost): the identity may take a new place.
    redis.call('HDEL', KEYS[4], ident)
  end
end

if max_waiting > 0 and redis.call('ZCARD', KEYS[3]) >= max_waiting then
  return {'full'}
end

local seq = redis.call('INCR', KEYS[6])
redis.call('HSET', KEYS[7], 'seq', seq, 'uid', uid, 'ident', ident, 'joined', now)
redis.call('ZADD', KEYS[1], seq, id)
if legacy_on then
  redis.call('ZADD', KEYS[2], seq, id)
end
redis.call('ZADD', KEYS[3], now, id)
if ident ~= '' then
  redis.call('HSET', KEYS[4], ident, id)
end
redis.call('HINCRBY', KEYS[5], 'joined', 1)
return {'joined', id, seq, uid, ident, now, redis.call('ZRANK', KEYS[1], id)}
