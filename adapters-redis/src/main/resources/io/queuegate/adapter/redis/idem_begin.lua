-- idem_begin: KEYS[1] the record. ARGV: fingerprint, now ms, in-flight ms.
-- The record holds the instant its current window ends ('until', compared with the caller's now) and
-- expires by PX for cleanup. Returns {'started'}, {'conflict'}, {'in_flight'} or
-- {'replay', status, body}.
local now = tonumber(ARGV[2])
local r = redis.call('HMGET', KEYS[1], 'state', 'fp', 'status', 'body', 'until')
if not r[1] or tonumber(r[5] or '0') <= now then
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'state', 'running', 'fp', ARGV[1], 'until', now + tonumber(ARGV[3]))
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return {'started'}
end
if r[2] ~= ARGV[1] then
  return {'conflict'}
end
if r[1] == 'running' then
  return {'in_flight'}
end
return {'replay', r[3], r[4]}
