-- The line keys shared by join, leave, admit and reap: KEYS[1] to KEYS[5], always in this order
-- (RedisKeys.lineKeys). Prepended to those scripts, so each names only the keys after these.
-- Per-waiter keys built from a prefix carry the same {event} hash tag, so they share the slot.
local index_key, legacy_key, heartbeat_key, identities_key, stats_key =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]

-- Removes one waiter from every structure; returns whether it was in the line.
local function remove_waiter(id, waiter_key)
  local ident = redis.call('HGET', waiter_key, 'ident')
  local present = redis.call('ZREM', heartbeat_key, id) + redis.call('DEL', waiter_key)
  redis.call('ZREM', index_key, id)
  redis.call('ZREM', legacy_key, id)
  if ident and ident ~= '' and redis.call('HGET', identities_key, ident) == id then
    redis.call('HDEL', identities_key, ident)
  end
  return present > 0
end
