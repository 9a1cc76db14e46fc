-- shuffle_open: opens an event's pre-queue. From then on joins line up first come (join.lua reads
-- opened_at) and entrants stand in the order of their scores. Refused while an entrant has no score.
-- O(1): the order was built while entrants were scored.
-- KEYS: 1 the shuffle hash, 2 pre-queue (scored), 3 pre-queue (unscored).
-- ARGV: 1 now ms.
-- Reply: {'opened', opened at ms}, {'unscored', count} or {'missing'} without a seed.
local shuffle_key, pre_key, pre_new_key = KEYS[1], KEYS[2], KEYS[3]
local f = redis.call('HMGET', shuffle_key, 'seed', 'opened_at')
if not f[1] then
  return {'missing'}
end
if f[2] then
  return {'opened', tonumber(f[2])}
end
local unscored = redis.call('ZCARD', pre_new_key)
if unscored > 0 then
  return {'unscored', unscored}
end
redis.call('HSET', shuffle_key, 'opened_at', ARGV[1], 'entrants', redis.call('ZCARD', pre_key))
return {'opened', tonumber(ARGV[1])}
