-- join: one atomic step on one slot: the identity's existing place, max_waiting, or a new place.
-- KEYS: 1-5 the line keys (lib_line.lua), 6 sequence counter, 7 the new waiter's hash.
-- ARGV: 1 waiter id, 2 user id or '', 3 identity or '', 4 now ms, 5 max waiting (0 none),
--   6 legacy ZSET on ('1'/'0'), 7 waiter key prefix.
-- Reply: {'joined'|'existing', waiter id, seq, uid, ident, joined ms, rank or -1} or {'full'}.
local sequence_key, waiter_key = KEYS[6], KEYS[7]
local id, uid, ident, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local max_waiting, legacy_on, waiter_prefix = tonumber(ARGV[5]), ARGV[6] == '1', ARGV[7]

if ident ~= '' then
  local holder = redis.call('HGET', identities_key, ident)
  if holder then
    local w = read_waiter(waiter_prefix .. holder)
    if w then
      redis.call('ZADD', heartbeat_key, 'XX', now, holder)
      local rank = redis.call('ZRANK', index_key, holder)
      return {'existing', holder, w[1], w[2], w[3], w[4], rank or -1}
    end
    -- The holder is gone (its hash was lost): the identity may take a new place.
    redis.call('HDEL', identities_key, ident)
  end
end

if max_waiting > 0 and redis.call('ZCARD', heartbeat_key) >= max_waiting then
  return {'full'}
end

local seq = redis.call('INCR', sequence_key)
redis.call('HSET', waiter_key, 'seq', seq, 'uid', uid, 'ident', ident, 'joined', now)
redis.call('ZADD', index_key, seq, id)
if legacy_on then
  redis.call('ZADD', legacy_key, seq, id)
end
redis.call('ZADD', heartbeat_key, now, id)
if ident ~= '' then
  redis.call('HSET', identities_key, ident, id)
end
redis.call('HINCRBY', stats_key, 'joined', 1)
return {'joined', id, seq, uid, ident, now, redis.call('ZRANK', index_key, id)}
