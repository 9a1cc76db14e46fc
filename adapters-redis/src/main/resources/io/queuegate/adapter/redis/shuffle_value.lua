-- shuffle_value: stores the public value of an event's shuffle, unless the event opened or holds
-- another value.
-- KEYS: 1 the shuffle hash.
-- ARGV: 1 the public value.
-- Reply: {'stored', HGETALL fields...}, {'missing'} without a seed, {'opened'} or {'other'}.
local shuffle_key = KEYS[1]
local value = ARGV[1]
local f = redis.call('HMGET', shuffle_key, 'seed', 'opened_at', 'public_value')
if not f[1] then
  return {'missing'}
end
if f[2] then
  return {'opened'}
end
if f[3] and f[3] ~= value then
  return {'other'}
end
redis.call('HSET', shuffle_key, 'public_value', value)
local out = {'stored'}
for _, v in ipairs(redis.call('HGETALL', shuffle_key)) do
  out[#out + 1] = v
end
return out
