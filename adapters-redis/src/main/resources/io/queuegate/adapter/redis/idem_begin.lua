-- idem_begin: claims a key for a request, or says why not.
-- KEYS[1] the record. ARGV: fingerprint, now ms, in-flight ms.
-- The record holds the instant its current window ends ('until', compared with the caller's now) and
-- expires by PX for cleanup. Returns {'started'}, {'conflict'}, {'in_flight'} or {'replay', reply}.
local record = KEYS[1]
local fingerprint, now, in_flight_ms = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local r = redis.call('HMGET', record, 'state', 'fp', 'reply', 'until')
if not r[1] or tonumber(r[4] or '0') <= now then
  redis.call('DEL', record)
  redis.call('HSET', record, 'state', 'running', 'fp', fingerprint,
    'until', now + tonumber(in_flight_ms))
  redis.call('PEXPIRE', record, in_flight_ms)
  return {'started'}
end
if r[2] ~= fingerprint then
  return {'conflict'}
end
-- A record without a reply is still running, or was written by an older version in another
-- format: never run the request twice, the key frees itself when the record lapses.
if r[1] == 'running' or not r[3] then
  return {'in_flight'}
end
return {'replay', r[3]}
