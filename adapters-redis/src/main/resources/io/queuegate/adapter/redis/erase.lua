-- erase: one bounded step of deleting an event. It raises the fence (joins answer 'erasing' while
-- it stands) and removes up to limit waiters, each from every structure, so the line is whole after
-- every step even if the deleting instance stops half way: the fence then lapses and the waiters
-- left keep exact positions. Once the line is empty, the event's other keys go. What no structure
-- lists (tombstones, used markers) is left for the caller's SCAN, and then the fence.
-- Each step writes what it removed to the feed, so a reader stays exact if the erase stops half way;
-- the last step deletes the feed with the other keys, which a reader sees as a gap.
-- KEYS: 1-13 the line keys (lib_line.lua), 14 fence, 15 limiter, 16 admission times.
-- ARGV: 1 limit, 2 fence ms, 3 waiter key prefix, 4 the feed's max length (docs/design.md#feed).
-- Reply: {removed, 1 when the line and the event's keys are gone or 0}.
local fence_key, limiter_key, admissions_key = KEYS[14], KEYS[15], KEYS[16]
local limit, fence_ms, waiter_prefix, feed_length = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4]

redis.call('SET', fence_key, '1', 'PX', fence_ms)
local removed = 0
for _, key in ipairs({heartbeat_key, index_key, legacy_key}) do
  -- The heartbeat set lists every waiter; the others only matter if it was lost.
  for _, id in ipairs(redis.call('ZRANGE', key, 0, limit - removed - 1)) do
    remove_waiter(id, waiter_prefix .. id)
    removed = removed + 1
  end
  if removed >= limit then
    feed_flush(feed_key, feed_length)
    return {removed, 0}
  end
end
feed_flush(feed_key, feed_length)
if redis.call('EXISTS', heartbeat_key, index_key, legacy_key) == 0 then
  -- Pre-queue members whose waiter record was lost have nobody left to remove them.
  redis.call('UNLINK', pre_key, pre_new_key)
end
if not line_empty() then
  return {removed, 0}
end
redis.call('UNLINK', sequence_key, identities_key, stats_key, policy_key, live_key, limiter_key,
  admissions_key, shuffle_key, log_key, feed_key)
return {removed, 1}
