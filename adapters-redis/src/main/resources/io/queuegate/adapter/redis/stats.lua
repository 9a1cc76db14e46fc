#!lua flags=no-writes
-- stats: one event's counts for the operator.
-- KEYS: 1 position index, 2 heartbeat, 3 stats, 4 live admissions, 5 legacy ZSET.
-- ARGV: 1 now ms, 2 waiter key prefix.
-- Reply: {waiting, joined, admitted, left, expired, live, oldest joined ms or -1}.
local index_key, heartbeat_key, stats_key, live_key, legacy_key =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local now, waiter_prefix = ARGV[1], ARGV[2]

local s = redis.call('HMGET', stats_key, 'joined', 'admitted', 'left', 'expired')
local head = redis.call('ZRANGE', index_key, 0, 0)
if #head == 0 then
  head = redis.call('ZRANGE', legacy_key, 0, 0)
end
local oldest = '-1'
if #head > 0 then
  oldest = redis.call('HGET', waiter_prefix .. head[1], 'joined') or '-1'
end
return {redis.call('ZCARD', heartbeat_key), s[1] or '0', s[2] or '0', s[3] or '0', s[4] or '0',
  redis.call('ZCOUNT', live_key, '(' .. now, '+inf'), oldest}
