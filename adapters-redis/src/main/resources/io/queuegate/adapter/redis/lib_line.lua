-- The line keys shared by join, leave, admit, reap, erase and forget_policy: KEYS[1] to KEYS[13],
-- always in this order (RedisKeys.lineKeys). Prepended to those scripts, so each names only the keys
-- after these. Per-waiter keys built from a prefix carry the same {event} hash tag, so they share
-- the slot.
local index_key, legacy_key, heartbeat_key, identities_key, stats_key =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local sequence_key, live_key, policy_key = KEYS[6], KEYS[7], KEYS[8]
-- A scheduled sale's pre-queue: entrant id -> order score once scored, entrant id -> sequence
-- before; and the shuffle hash (seed, public value, opened_at, entrants).
local pre_key, pre_new_key, shuffle_key = KEYS[9], KEYS[10], KEYS[11]
-- The event's public log (docs/design.md#log): a LIST of canonical record texts, record n at
-- index n - 1, so RPUSH's reply is the new record's number.
local log_key = KEYS[12]
-- The line's change feed (lib_feed.lua, prepended before this library).
local feed_key = KEYS[13]

-- Appends one record (its canonical text after the number) to the log; returns its number.
local function log_append(body)
  return redis.call('RPUSH', log_key, body)
end

-- Removes one waiter from every structure; returns whether it was in the line, and the entrant id
-- the log names it by (nil for a waiter known only to the legacy ZSET, which never joined here).
-- Notes for the feed what left the structures a position counts: the index and the pre-queue.
local function remove_waiter(id, waiter_key)
  local f = redis.call('HMGET', waiter_key, 'ident', 'ent', 'eid', 'seq')
  local ident, ent, seq = f[1], f[2], f[4]
  if not seq then
    seq = redis.call('ZSCORE', index_key, id) -- its hash was lost; the index still knows it
  end
  local present = redis.call('ZREM', heartbeat_key, id) + redis.call('DEL', waiter_key)
  if redis.call('ZREM', index_key, id) == 1 then
    feed_note('l', seq)
  end
  redis.call('ZREM', legacy_key, id)
  if ent and ent ~= '' then
    if redis.call('ZREM', pre_key, ent) + redis.call('ZREM', pre_new_key, ent) > 0 then
      feed_note('p', seq)
    end
  end
  if ident and ident ~= '' and redis.call('HGET', identities_key, ident) == id then
    redis.call('HDEL', identities_key, ident)
  end
  local named = (ent and ent ~= '' and ent) or f[3] or nil
  return present > 0, named
end

-- Whether no waiter is left in any structure of the line (Redis drops an emptied ZSET).
local function line_empty()
  return redis.call('EXISTS', heartbeat_key, index_key, legacy_key, pre_key, pre_new_key) == 0
end

-- Once the line is empty nothing a client created may stay for good: the sequence goes (a later
-- join restarts it above any sequence still indexed), and unless an operator configured the event
-- its counters expire after keep_ms, or when its last live admission does if that is later, and
-- the log and the feed with them. A join or a saved policy makes them persistent again. Runs after
-- feed_flush, so that a feed the flush created expires too.
local function settle_if_idle(keep_ms)
  if not line_empty() then
    return
  end
  redis.call('DEL', sequence_key)
  if redis.call('EXISTS', policy_key) == 0 then
    local keep = math.max(tonumber(keep_ms), redis.call('PTTL', live_key))
    redis.call('PEXPIRE', stats_key, keep)
    redis.call('PEXPIRE', log_key, keep) -- the log goes with the counters
    redis.call('PEXPIRE', feed_key, keep) -- and so does the feed
  end
end
