#!lua flags=no-writes
-- stats: KEYS[1] position index, KEYS[2] heartbeat, KEYS[3] stats, KEYS[4] live admissions,
-- KEYS[5] legacy ZSET. ARGV: now ms, waiter key prefix.
-- Returns {waiting, joined, admitted, left, expired, live, oldest joined ms or -1}.
local s = redis.call('HMGET', KEYS[3], 'joined', 'admitted', 'left', 'expired')
local head = redis.call('ZRANGE', KEYS[1], 0, 0)
if #head == 0 then
  head = redis.call('ZRANGE', KEYS[5], 0, 0)
end
local oldest = '-1'
if #head > 0 then
  oldest = redis.call('HGET', ARGV[2] .. head[1], 'joined') or '-1'
end
return {redis.call('ZCARD', KEYS[2]), s[1] or '0', s[2] or '0', s[3] or '0', s[4] or '0',
  redis.call('ZCOUNT', KEYS[4], '(' .. ARGV[1], '+inf'), oldest}
