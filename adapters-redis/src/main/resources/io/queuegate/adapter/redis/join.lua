-- join: one atomic step on one slot: the identity's existing place, max_waiting, or a new place.
-- KEYS: 1-13 the line keys (lib_line.lua), 14 the new waiter's hash, 15 the erase fence.
-- ARGV: 1 waiter id, 2 user id or '', 3 identity or '', 4 now ms, 5 max waiting (0 none),
--   6 legacy ZSET on ('1'/'0'), 7 waiter key prefix, 8 entrant id for a pre-queue join or '',
--   9 its order score or '' when the shuffle key is not final yet, 10 the waiter's entrant id (for
--   the log, docs/design.md#log), 11 the feed's max length (docs/design.md#feed).
-- Reply: {'joined'|'existing', waiter id, seq, uid, ident, joined ms, rank or -1, '1' while the
--   waiter waits for the opening else '0', the number of its join record in the log or 0},
--   {'full'}, or {'erasing'} while the event is being
--   deleted. A pre-queue join to an event the store has opened lines up first come instead.
local waiter_key, fence_key = KEYS[14], KEYS[15]
local id, uid, ident, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local max_waiting, legacy_on, waiter_prefix = tonumber(ARGV[5]), ARGV[6] == '1', ARGV[7]
local entrant, score, named, feed_length = ARGV[8], ARGV[9], ARGV[10], ARGV[11]

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
      local rank, pre = rank_of(holder, w, index_key, pre_key, pre_new_key, shuffle_key)
      local logged = redis.call('HGET', waiter_prefix .. holder, 'lseq') or 0
      return {'existing', holder, w[1], w[2], w[3], w[4], rank or -1, pre or '0', logged}
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
-- The store, not the caller's clock, says whether the pre-queue still takes joins.
local pre = entrant ~= '' and redis.call('HEXISTS', shuffle_key, 'opened_at') == 0
local logged = log_append('join|' .. ARGV[4] .. '|' .. named .. '|' .. (pre and 'pre' or 'line'))
redis.call('PERSIST', log_key) -- as the counters: an event with waiters keeps its log
redis.call('HSET', waiter_key, 'lseq', logged)
if pre then
  redis.call('HSET', waiter_key, 'ent', entrant)
  if score ~= '' then
    redis.call('ZADD', pre_key, score, entrant)
  else
    redis.call('ZADD', pre_new_key, seq, entrant)
  end
  feed_note('q', seq)
else
  redis.call('HSET', waiter_key, 'eid', named)
  redis.call('ZADD', index_key, seq, id)
  feed_note('j', seq)
end
if legacy_on then
  redis.call('ZADD', legacy_key, seq, id)
end
redis.call('ZADD', heartbeat_key, now, id)
if ident ~= '' then
  redis.call('HSET', identities_key, ident, id)
end
redis.call('HINCRBY', stats_key, 'joined', 1)
redis.call('PERSIST', stats_key) -- an event with waiters keeps its counters
feed_flush(feed_key, feed_length)
redis.call('PERSIST', feed_key) -- and its feed
local rank, waits = rank_of(id, read_waiter(waiter_key), index_key, pre_key, pre_new_key,
  shuffle_key)
return {'joined', id, seq, uid, ident, now, rank or -1, waits or '0', logged}
