-- Writes waiters start..start+count-1 exactly as join.lua does (waiter hash, position index,
-- legacy ZSET, heartbeat, stats, sequence), all on the event's slot, in one server-side loop.
-- KEYS: 1 position index, 2 legacy ZSET, 3 heartbeat, 4 stats, 5 sequence.
-- ARGV: waiter key prefix, first number, count, now ms, legacy on ('1'/'0').
-- Waiter ids are 'b' + 21 digits: valid 22-character ids that sort in join order.
local prefix, first, count, now = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local legacy = ARGV[5] == '1'
for seq = first, first + count - 1 do
  local id = string.format('b%021d', seq)
  redis.call('HSET', prefix .. id, 'seq', seq, 'uid', 'anonymous', 'ident', '', 'joined', now)
  redis.call('ZADD', KEYS[1], seq, id)
  if legacy then redis.call('ZADD', KEYS[2], seq, id) end
  redis.call('ZADD', KEYS[3], now, id)
end
redis.call('HINCRBY', KEYS[4], 'joined', count)
-- A line seeded from 1 begins its run of sequences now, as join.lua records it, so that the
-- mirror places the seeded waiters (docs/design.md#line-mirror).
if first == 1 then redis.call('HSET', KEYS[4], 'started', now) end
local last = tonumber(redis.call('GET', KEYS[5]) or '0')
if last < first + count - 1 then redis.call('SET', KEYS[5], first + count - 1) end
return count
