-- consume: KEYS[1] used marker, KEYS[2] live admissions. ARGV: admission id, expires-at ms, now ms,
-- remember ms. The first use sets the marker (holding its end instant, compared with the caller's
-- now) and stops the admission counting against max_active.
redis.call('ZREM', KEYS[2], ARGV[1])
local used = redis.call('GET', KEYS[1])
if used and tonumber(used) > tonumber(ARGV[3]) then
  return {0}
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
return {1}
