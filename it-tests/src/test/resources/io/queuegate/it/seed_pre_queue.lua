-- Bench-only: writes pre-queue entrants exactly as join.lua does for a pre-queue join (waiter hash
-- with its entrant id, the scored or unscored pre-queue set, legacy ZSET, heartbeat, stats,
-- sequence), all on the event's slot, in one server-side loop. OpeningBench computes the entrant ids
-- and scores (SHA-256 and HMAC, which Redis's Lua lacks) and sends 2,000 entrants per call.
-- KEYS: 1 pre-queue (scored), 2 pre-queue (unscored), 3 legacy ZSET, 4 heartbeat, 5 stats,
--   6 sequence.
-- ARGV: 1 waiter key prefix, 2 now ms, 3 legacy on ('1'/'0'), 4 first sequence, then waiter id,
--   entrant id, score ('' for unscored) triples.
local prefix, now, legacy, seq = ARGV[1], ARGV[2], ARGV[3] == '1', tonumber(ARGV[4])
local count = 0
for i = 5, #ARGV, 3 do
  local id, entrant, score = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  redis.call('HSET', prefix .. id, 'seq', seq, 'uid', 'anonymous', 'ident', '', 'joined', now,
    'ent', entrant)
  if score ~= '' then
    redis.call('ZADD', KEYS[1], score, entrant)
  else
    redis.call('ZADD', KEYS[2], seq, entrant)
  end
  if legacy then redis.call('ZADD', KEYS[3], seq, id) end
  redis.call('ZADD', KEYS[4], now, id)
  seq = seq + 1
  count = count + 1
end
redis.call('HINCRBY', KEYS[5], 'joined', count)
local last = tonumber(redis.call('GET', KEYS[6]) or '0')
if last < seq - 1 then redis.call('SET', KEYS[6], seq - 1) end
return count
