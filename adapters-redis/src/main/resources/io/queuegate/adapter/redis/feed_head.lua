#!lua flags=no-writes
-- feed_head: where a snapshot of the line starts (docs/design.md#feed): the feed's last entry id and,
-- in the same atomic step, the pre-queue's size as rank_of (lib_waiter.lua) counts it and when the
-- line's sequence last began again (join.lua).
-- KEYS: 1 the feed, 2 pre-queue (scored), 3 pre-queue (unscored), 4 stats.
-- Reply: {last entry id (of a feed trimmed to nothing, the last id it gave), or '0-0' when there is
--   no feed, pre-queue size, the start in ms or 0 when unknown}.
local feed_key, pre_key, pre_new_key, stats_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]

local last = redis.call('XREVRANGE', feed_key, '+', '-', 'COUNT', 1)
local id = '0-0'
if #last > 0 then
  id = last[1][1]
elseif redis.call('EXISTS', feed_key) == 1 then
  -- Trimmed to nothing: the snapshot is as of the last id the feed gave, not before its first.
  local info = redis.call('XINFO', 'STREAM', feed_key)
  for i = 1, #info, 2 do
    if info[i] == 'last-generated-id' then
      id = info[i + 1]
    end
  end
end
return {id, redis.call('ZCARD', pre_key) + redis.call('ZCARD', pre_new_key),
  tonumber(redis.call('HGET', stats_key, 'started') or 0)}
