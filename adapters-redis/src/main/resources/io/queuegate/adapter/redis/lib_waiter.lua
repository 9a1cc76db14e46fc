-- One waiter as join, locate and admit read it, prepended to those scripts. A waiter travels as
-- {seq, uid, ident, joined ms}, the fields WaiterFields decodes in Java; a fifth field, the entrant
-- id of a pre-queue entrant ('' for others), stays in Lua.

-- The waiter's fields from its hash, or nil when the hash is gone.
local function read_waiter(waiter_key)
  local f = redis.call('HMGET', waiter_key, 'seq', 'uid', 'ident', 'joined', 'ent')
  if not f[1] then
    return nil
  end
  return {f[1], f[2] or '', f[3] or '', f[4] or '-1', f[5] or ''}
end

-- A waiter known only by the legacy ZSET (tier 3): no user, no identity, joined time unknown (-1).
local function legacy_waiter(seq)
  return {seq, '', '', '-1', ''}
end

-- Where a waiter stands (docs/design.md#pre-queue): its 0-based rank, and '1' while it waits in a
-- pre-queue that has not opened (the rank is then the pre-queue's size less one: every place in it
-- is still open), else '0'; or nil when no index holds it. Pre-queue entrants stand by order score
-- (ties by entrant id, as a ZSET orders equal scores), ahead of every first-come waiter.
local function rank_of(id, w, index_key, pre_key, pre_new_key, shuffle_key)
  local pre_size = redis.call('ZCARD', pre_key) + redis.call('ZCARD', pre_new_key)
  local ent = w[5]
  if ent ~= '' then
    if redis.call('HEXISTS', shuffle_key, 'opened_at') == 0 then
      if pre_size == 0 then
        return nil
      end
      return pre_size - 1, '1'
    end
    local r = redis.call('ZRANK', pre_key, ent)
    if r then
      return r, '0'
    end
    return nil
  end
  local r = redis.call('ZRANK', index_key, id)
  if r then
    return pre_size + r, '0'
  end
  return nil
end

-- Whether the reaper expired the waiter and still remembers it. The tombstone holds the instant it
-- ends, compared with the caller's now; its PX only cleans up.
local function tombstoned(tombstone_key, now)
  local tomb = redis.call('GET', tombstone_key)
  return tomb and tonumber(tomb) > now
end
