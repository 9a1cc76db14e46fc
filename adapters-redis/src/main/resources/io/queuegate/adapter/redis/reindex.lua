-- reindex: tier 2 puts waiters back into the position index. Only waiters whose hash still exists
-- go back, read here atomically, so a waiter that left between the SCAN and this call never returns
-- as a ghost. Pre-queue entrants (with an 'ent') stand in the pre-queue, never in this index.
-- KEYS: 1 position index.
-- ARGV: 1 waiter key prefix, then from 2 the waiter ids.
-- Reply: {added}.
local index_key = KEYS[1]
local waiter_prefix = ARGV[1]

local added = 0
for i = 2, #ARGV do
  local f = redis.call('HMGET', waiter_prefix .. ARGV[i], 'seq', 'ent')
  local seq = f[1]
  if seq and not f[2] then
    added = added + redis.call('ZADD', index_key, seq, ARGV[i])
  end
end
return {added}
