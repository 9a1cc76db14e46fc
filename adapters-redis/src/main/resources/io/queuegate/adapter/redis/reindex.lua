-- reindex: tier 2 puts waiters back into the position index. KEYS[1] position index. ARGV: waiter
-- key prefix, waiter ids... Only waiters whose hash still exists go back, read here atomically, so a
-- waiter that left between the SCAN and this call never returns as a ghost. Returns {added}.
local added = 0
for i = 2, #ARGV do
  local seq = redis.call('HGET', ARGV[1] .. ARGV[i], 'seq')
  if seq then
    added = added + redis.call('ZADD', KEYS[1], seq, ARGV[i])
  end
end
return {added}
