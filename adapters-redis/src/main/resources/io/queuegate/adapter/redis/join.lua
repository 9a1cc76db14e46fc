-- join: one atomic step on one slot: the identity's existing place, max_waiting, or a new place.
-- KEYS: 1-8 the line keys (lib_line.lua), 9 the new waiter's hash, 10 the erase fence.
-- ARGV: 1 waiter id, 2 user id or '', 3 identity or '', 4 now ms, 5 max waiting (0 none),
--   6 legacy ZSET on ('1'/'0'), 7 waiter key prefix.
-- Reply: {'joined'|'existing', waiter id, seq, uid, ident, joined ms, rank or -1}, {'full'}, or
--   {'erasing'} while the event is being deleted.
local waiter_key, fence_key = KEYS[9], KEYS[10]
local id, uid, ident, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local max_waiting, legacy_on, waiter_prefix = tonumber(ARGV[5]), ARGV[6] == '1', ARGV[7]

-- The highest sequence a ZSET of the line holds, or 0.
local function top_sequence(key)
  local top = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  return tonumber(top[2] or 0)
end

-- A delete erases the line in steps; a join in between would be half erased.
if redis.call('EXISTS', fence_key) == 1 then
  return {'erasing'}
end

if ident ~= '' then
  local holder = redis.call('HGET', identities_key, ident)
  if holder then
    local w = read_waiter(waiter_prefix .. holder)
    if w then
      redis.call('ZADD', heartbeat_key, 'XX', 'GT', now, holder)
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

if redis.call('EXISTS', sequence_key) == 0 then
  -- The counter goes when the line empties. Should it be gone while someone is still indexed, it
  -- restarts above them, so a newcomer never shares a sequence with, or overtakes, a waiter.
  local top = math.max(top_sequence(index_key), top_sequence(legacy_key))
  if top > 0 then
    redis.call('SET', sequence_key, top)
  end
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
redis.call('PERSIST', stats_key) -- an event with waiters keeps its counters
return {'joined', id, seq, uid, ident, now, redis.call('ZRANK', index_key, id)}
