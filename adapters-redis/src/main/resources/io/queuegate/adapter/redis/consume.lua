-- consume: the first use of an admission sets the used marker (holding its end instant, compared
-- with the caller's now) and stops the admission counting against max_active.
-- KEYS: 1 used marker, 2 live admissions.
-- ARGV: 1 admission id, 2 expires at ms, 3 now ms, 4 remember ms.
-- Reply: {1} on the first use, {0} when the admission was used already.
local used_key, live_key = KEYS[1], KEYS[2]
local admission_id, expires_at, now, remember_ms = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]

redis.call('ZREM', live_key, admission_id)
local used = redis.call('GET', used_key)
if used and tonumber(used) > now then
  return {0}
end
redis.call('SET', used_key, expires_at, 'PX', remember_ms)
return {1}
