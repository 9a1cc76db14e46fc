-- leave: removes a waiter from the line; idempotent (a second leave changes nothing).
-- KEYS: 1-13 the line keys (lib_line.lua), 14 waiter hash.
-- ARGV: 1 waiter id, 2 idle retention ms (settle_if_idle), 3 now ms (for the log), 4 the feed's
--   max length (docs/design.md#feed).
-- Reply: {1} when the waiter was in the line (counted as left), {0} otherwise.
local waiter_key = KEYS[14]
local id, keep_ms, now, feed_length = ARGV[1], ARGV[2], ARGV[3], ARGV[4]

local present, named = remove_waiter(id, waiter_key)
-- Also for a waiter whose hash and heartbeat were lost: its index entry still went.
local changed = feed_flush(feed_key, feed_length)
if present then
  redis.call('HINCRBY', stats_key, 'left', 1)
  if named then
    log_append('leave|' .. now .. '|' .. named)
  end
  settle_if_idle(keep_ms)
  return {1}
end
if changed then
  settle_if_idle(keep_ms)
end
return {0}
