-- reap: removes waiters whose last heartbeat is older than silent-since, and leaves a tombstone for
-- each. A tombstone holds the instant it ends (readers compare it with their own now) and expires
-- by PX for cleanup. The candidates are read and removed in the same atomic step, so two instances
-- reaping one event at once remove each waiter exactly once.
-- KEYS: 1-13 the line keys (lib_line.lua).
-- ARGV: 1 silent since ms, 2 limit, 3 remember ms, 4 waiter key prefix, 5 tombstone key prefix,
--   6 now ms, 7 idle retention ms (settle_if_idle), 8 the feed's max length (docs/design.md#feed).
-- Reply: {removed}.
local silent_since, limit, remember_ms = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local waiter_prefix, tombstone_prefix, now = ARGV[4], ARGV[5], tonumber(ARGV[6])
local keep_ms, feed_length = ARGV[7], ARGV[8]

local ids =
  redis.call('ZRANGEBYSCORE', heartbeat_key, '-inf', '(' .. silent_since, 'LIMIT', 0, limit)
for _, id in ipairs(ids) do
  local _, named = remove_waiter(id, waiter_prefix .. id)
  if named then
    log_append('expire|' .. ARGV[6] .. '|' .. named)
  end
  redis.call('SET', tombstone_prefix .. id, now + tonumber(remember_ms), 'PX', remember_ms)
end
if #ids > 0 then
  redis.call('HINCRBY', stats_key, 'expired', #ids)
  feed_flush(feed_key, feed_length)
  settle_if_idle(keep_ms)
end
return {#ids}
