-- Line keys shared by join, leave, admit and reap, always in this order:
-- KEYS[1] position index, KEYS[2] legacy ZSET, KEYS[3] heartbeat, KEYS[4] identities, KEYS[5] stats.
-- Per-waiter keys built from a prefix carry the same {event} hash tag, so they share the slot.

-- Removes one waiter from every structure; returns whether it was in the line.
local function remove_waiter(id, waiter_key)
  local ident = redis.call('HGET', waiter_key, 'ident')
  local present = redis.call('ZREM', KEYS[3], id) + redis.call('DEL', waiter_key)
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZREM', KEYS[2], id)
  if ident and ident ~= '' and redis.call('HGET', KEYS[4], ident) == id then
    redis.call('HDEL', KEYS[4], ident)
  end
  return present > 0
end
