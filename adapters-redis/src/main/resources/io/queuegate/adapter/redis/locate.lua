#!lua flags=no-writes
-- locate: where waiters stand. Read-only, so EVALSHA_RO may run it on a replica. A status call is
-- one round trip, and concurrent lookups of one event share a call (LocateBatches).
-- KEYS: 1 position index, 2 legacy ZSET, 3 pre-queue (scored), 4 pre-queue (unscored), 5 shuffle
--   hash, then for waiter i (from 1) its hash at 4 + 2i and its tombstone at 5 + 2i.
-- ARGV: 1 legacy ZSET on ('1'/'0'), 2 now ms, 3 first tier ('index'; 'scan' or 'legacy' force a
--   lower tier for benchmarks), then from 4 the waiter ids in KEYS order.
-- Reply: one row per waiter: {tier, seq, uid, ident, joined ms, rank or -1, '1' while it waits
--   for the opening else '0'} where tier is 'index'
--   (tier 1), 'scan' (hash found, index missed: tier 2 in Java) or 'legacy' (tier 3); or
--   {'expired'} or {'missing'}.
local index_key, legacy_key, pre_key, pre_new_key, shuffle_key =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local legacy_on, now, tier = ARGV[1] == '1', tonumber(ARGV[2]), ARGV[3]
local first_id = 4

local function locate(id, waiter_key, tombstone_key)
  local w
  if tier ~= 'legacy' then
    w = read_waiter(waiter_key)
  end
  if w then
    local rank, waits = false, '0'
    if tier == 'index' then
      rank, waits = rank_of(id, w, index_key, pre_key, pre_new_key, shuffle_key)
    end
    if rank then
      return {'index', w[1], w[2], w[3], w[4], rank, waits}
    end
    return {'scan', w[1], w[2], w[3], w[4], -1, '0'}
  end
  if tombstoned(tombstone_key, now) then
    return {'expired'}
  end
  if legacy_on then
    local rank = redis.call('ZRANK', legacy_key, id)
    if rank then
      w = legacy_waiter(redis.call('ZSCORE', legacy_key, id))
      return {'legacy', w[1], w[2], w[3], w[4], rank, '0'}
    end
  end
  return {'missing'}
end

local out = {}
for i = 1, #ARGV - first_id + 1 do
  out[i] = locate(ARGV[first_id - 1 + i], KEYS[4 + 2 * i], KEYS[5 + 2 * i])
end
return out
