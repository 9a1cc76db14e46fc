-- reindex: tier 2 puts waiters back into the position index. Only waiters whose hash still exists
-- go back, read here atomically, so a waiter that left between the SCAN and this call never returns
-- as a ghost.
-- KEYS: 1 position index.
-- ARGV: 1 waiter key prefix, then from 2 the waiter ids.
-- Reply: {added}.
local index_key = KEYS[1]
local waiter_prefix = ARGV[1]

local added = 0
for i = 2, #ARGV do
  local seq = redis.call('HGET', waiter_prefix .. ARGV[i], 'seq')
  if seq then
    added = added + redis.call('ZADD', index_key, seq, ARGV[i])
  end
end
return {added}
