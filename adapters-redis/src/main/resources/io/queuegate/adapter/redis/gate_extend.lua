-- gate_extend: GateSessions.extend. A live admission's expiry only ever moves later; one that has
-- expired (even if not purged yet) or was removed stays gone. The key's TTL follows the latest.
-- KEYS: 1 live admissions.
-- ARGV: 1 now ms, then pairs: admission id, new expiry ms.
-- Reply: {how many admissions were extended}.
local live_key = KEYS[1]
local now = tonumber(ARGV[1])
local latest, extended = 0, 0
for i = 2, #ARGV, 2 do
  local id, expires_at = ARGV[i], tonumber(ARGV[i + 1])
  local current = redis.call('ZSCORE', live_key, id)
  if current and tonumber(current) > now and expires_at > tonumber(current) then
    redis.call('ZADD', live_key, expires_at, id)
    extended = extended + 1
    if expires_at > latest then
      latest = expires_at
    end
  end
end
if extended > 0 and redis.call('PTTL', live_key) < latest - now then
  redis.call('PEXPIRE', live_key, latest - now)
end
return {extended}
