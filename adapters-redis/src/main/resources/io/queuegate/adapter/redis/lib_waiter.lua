-- One waiter as join, locate and admit read it, prepended to those scripts. A waiter travels as
-- {seq, uid, ident, joined ms}, the fields WaiterFields decodes in Java.

-- The waiter's fields from its hash, or nil when the hash is gone.
local function read_waiter(waiter_key)
  local f = redis.call('HMGET', waiter_key, 'seq', 'uid', 'ident', 'joined')
  if not f[1] then
    return nil
  end
  return {f[1], f[2] or '', f[3] or '', f[4] or '-1'}
end

-- A waiter known only by the legacy ZSET (tier 3): no user, no identity, joined time unknown (-1).
local function legacy_waiter(seq)
  return {seq, '', '', '-1'}
end

-- Whether the reaper expired the waiter and still remembers it. The tombstone holds the instant it
-- ends, compared with the caller's now; its PX only cleans up.
local function tombstoned(tombstone_key, now)
  local tomb = redis.call('GET', tombstone_key)
  return tomb and tonumber(tomb) > now
end
