-- reindex: tier 2 puts waiters back into the position index. Only waiters whose hash still exists
-- go back, read here atomically, so a waiter that left between the SCAN and this call never returns
-- as a ghost. Pre-queue entrants (with an 'ent') stand in the pre-queue, never in this index.
-- Each waiter put back goes to the line's feed as a join (docs/design.md#feed): it counts again in
-- positions from now on, so a mirror must count it too.
-- KEYS: 1 position index, 2 the line's feed.
-- ARGV: 1 waiter key prefix, 2 the feed's max length, then from 3 the waiter ids.
-- Reply: {added}.
local index_key, feed_key = KEYS[1], KEYS[2]
local waiter_prefix, feed_length = ARGV[1], ARGV[2]

local added = 0
for i = 3, #ARGV do
  local f = redis.call('HMGET', waiter_prefix .. ARGV[i], 'seq', 'ent')
  local seq = f[1]
  if seq and not f[2] and redis.call('ZADD', index_key, seq, ARGV[i]) == 1 then
    added = added + 1
    feed_note('j', seq)
  end
end
feed_flush(feed_key, feed_length)
return {added}
