-- prune_event: KEYS[1] event registry. ARGV: event id, the score the caller read before it saw the
-- event's line empty. Every join adds 1 to the score, so an unchanged score proves no join came in
-- between; a join after this call adds the event back. Returns {removed}.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  return {redis.call('ZREM', KEYS[1], ARGV[1])}
end
return {0}
