-- GCRA exactly as domain.model.Gcra.decide, prepended to admit.lua and rate_acquire.lua.
-- An instant is (seconds, nanos) passed in from Java, never TIME. Differences of instants stay well
-- below 2^53 ns, so the arithmetic is exact in Lua's doubles; an absolute epoch in ns would not be.
local function ns_between(a_s, a_n, b_s, b_n)
  return (b_s - a_s) * 1000000000 + (b_n - a_n)
end

local function plus_ns(s, n, d)
  local total = n + d
  local carry = math.floor(total / 1000000000)
  return s + carry, total - carry * 1000000000
end

-- Returns allowed (0/1), tat seconds, tat nanos, remaining, retry-after ns, reset-after ns.
local function gcra_decide(stored, now_s, now_n, interval, tolerance)
  local base_s, base_n = now_s, now_n
  if stored then
    local ts, tn = string.match(stored, '^(-?%d+):(%d+)$')
    if ts and ns_between(now_s, now_n, tonumber(ts), tonumber(tn)) > 0 then
      base_s, base_n = tonumber(ts), tonumber(tn)
    end
  end
  local new_s, new_n = plus_ns(base_s, base_n, interval)
  local ahead = ns_between(now_s, now_n, new_s, new_n)
  local allow_in = ahead - interval - tolerance
  if allow_in > 0 then
    return 0, base_s, base_n, 0, allow_in, ns_between(now_s, now_n, base_s, base_n)
  end
  -- Java's integer division truncates toward zero; floor would differ for negative numerators.
  local q = (tolerance - ahead) / interval
  if q >= 0 then q = math.floor(q) else q = math.ceil(q) end
  return 1, new_s, new_n, math.max(0, q + 1), 0, ahead
end

-- The key must outlive the arrival time it holds (after that, no state means the same thing). The
-- expiry is in server time while decisions use the caller's clock, so it keeps a minute of margin.
local function gcra_store(key, tat_s, tat_n, reset_ns)
  redis.call('SET', key, string.format('%d:%d', tat_s, tat_n),
    'PX', math.floor(reset_ns / 1000000) + 60000)
end
