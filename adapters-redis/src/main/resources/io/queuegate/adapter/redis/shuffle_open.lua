-- shuffle_open: opens an event's pre-queue. From then on joins line up first come (join.lua reads
-- opened_at) and entrants stand in the order of their scores. Refused while an entrant has no score.
-- O(1): the order was built while entrants were scored. The opening's record goes to the event's
-- log (docs/design.md#log), revealing the seed.
-- KEYS: 1 the shuffle hash, 2 pre-queue (scored), 3 pre-queue (unscored), 4 the event's log.
-- ARGV: 1 now ms, 2 the effective key (hex) the caller computed, 3 the public value it computed
--   the key from, or ''.
-- Reply: {'opened', opened at ms}, {'unscored', count}, {'missing'} without a seed, or {'stale'}
--   when the stored public value is not the caller's (read the shuffle again).
local shuffle_key, pre_key, pre_new_key, log_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local now, key, value = ARGV[1], ARGV[2], ARGV[3]
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
return {'opened', tonumber(now)}
