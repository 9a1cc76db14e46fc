-- shuffle_score: gives order scores to pre-queue entrants that still wait unscored; one that left
-- meanwhile is not brought back. The caller keeps each call to a few thousand entrants, so that no
-- call holds the shard for long (docs/benchmarks.md#opening).
-- KEYS: 1 pre-queue (scored), 2 pre-queue (unscored).
-- ARGV: entrant id, score pairs.
-- Reply: {scored}.
local pre_key, pre_new_key = KEYS[1], KEYS[2]
local scored = 0
for i = 1, #ARGV, 2 do
  if redis.call('ZREM', pre_new_key, ARGV[i]) == 1 then
    redis.call('ZADD', pre_key, ARGV[i + 1], ARGV[i])
    scored = scored + 1
  end
end
return {scored}
