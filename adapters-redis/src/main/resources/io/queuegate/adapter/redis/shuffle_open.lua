-- shuffle_open: opens an event's pre-queue. From then on joins line up first come (join.lua reads
-- opened_at) and entrants stand in the order of their scores. Refused while an entrant has no score.
-- O(1): the order was built while entrants were scored. The opening's record goes to the event's
-- log (docs/design.md#log), revealing the seed.
-- The opening goes to the line's feed too (docs/design.md#feed); the feed, like the log, lasts as
-- long as the line and its policy do (lib_line.lua settle_if_idle).
-- KEYS: 1 the shuffle hash, 2 pre-queue (scored), 3 pre-queue (unscored), 4 the event's log,
--   5 the line's feed.
-- ARGV: 1 now ms, 2 the effective key (hex) the caller computed, 3 the public value it computed
--   the key from, or '', 4 the feed's max length.
-- Reply: {'opened', opened at ms}, {'unscored', count}, {'missing'} without a seed, or {'stale'}
--   when the stored public value is not the caller's (read the shuffle again).
local shuffle_key, pre_key, pre_new_key, log_key, feed_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4],
  KEYS[5]
local now, key, value, feed_length = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local f = redis.call('HMGET', shuffle_key, 'seed', 'opened_at', 'public_value')
if not f[1] then
  return {'missing'}
end
if f[2] then
  return {'opened', tonumber(f[2])}
end
if (f[3] or '') ~= value then
  return {'stale'}
end
local unscored = redis.call('ZCARD', pre_new_key)
if unscored > 0 then
  return {'unscored', unscored}
end
local entrants = redis.call('ZCARD', pre_key)
redis.call('HSET', shuffle_key, 'opened_at', now, 'entrants', entrants)
redis.call('RPUSH', log_key,
  'open|' .. now .. '|' .. entrants .. '|' .. f[1] .. '|' .. key .. '|' .. value)
feed_note('o', entrants)
feed_flush(feed_key, feed_length)
return {'opened', tonumber(now)}
