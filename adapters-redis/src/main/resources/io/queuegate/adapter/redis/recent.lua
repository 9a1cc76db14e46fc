#!lua flags=no-writes
-- recent: KEYS[1] admission times. ARGV: now ms. Admissions in (now - window, now] for 60, 300, 900 s.
local now = tonumber(ARGV[1])
local function count(window_ms)
  return redis.call('ZCOUNT', KEYS[1], '(' .. (now - window_ms), now)
end
return {count(60000), count(300000), count(900000)}
