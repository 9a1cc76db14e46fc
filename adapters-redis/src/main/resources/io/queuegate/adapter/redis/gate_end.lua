-- gate_end: GateSessions.end. The admission stops counting against max_active and joins the
-- event's revocation set (member admission id, score when, in ms), which forgets entries older than
-- the remembered window and expires with it.
-- KEYS: 1 live admissions, 2 revocations.
-- ARGV: 1 admission id, 2 now ms, 3 remember ms.
-- Reply: {1} when the admission was live, else {0}.
local live_key, revoked_key = KEYS[1], KEYS[2]
local admission_id, now, remember = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])

local score = redis.call('ZSCORE', live_key, admission_id)
local live = score and tonumber(score) > now
redis.call('ZREM', live_key, admission_id)
redis.call('ZADD', revoked_key, now, admission_id)
redis.call('ZREMRANGEBYSCORE', revoked_key, '-inf', '(' .. (now - remember))
redis.call('PEXPIRE', revoked_key, remember)
if live then
  return {1}
end
return {0}
