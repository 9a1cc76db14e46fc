#!lua flags=no-writes
-- feed_head: where a snapshot of the line starts (docs/design.md#feed): the feed's last entry id and,
-- in the same atomic step, the pre-queue's size as rank_of (lib_waiter.lua) counts it.
-- KEYS: 1 the feed, 2 pre-queue (scored), 3 pre-queue (unscored).
-- Reply: {last entry id, or '0-0' when the feed holds none, pre-queue size}.
local feed_key, pre_key, pre_new_key = KEYS[1], KEYS[2], KEYS[3]

local last = redis.call('XREVRANGE', feed_key, '+', '-', 'COUNT', 1)
local id = '0-0'
if #last > 0 then
  id = last[1][1]
end
return {id, redis.call('ZCARD', pre_key) + redis.call('ZCARD', pre_new_key)}
