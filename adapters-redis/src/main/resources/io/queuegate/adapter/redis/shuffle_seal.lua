-- shuffle_seal: keeps a candidate seed as the event's shuffle seed unless one is stored; a seed,
-- once stored, never changes (its commitment is public).
-- KEYS: 1 the shuffle hash.
-- ARGV: 1 candidate seed (64 hex).
-- Reply: the hash's fields as HGETALL returns them.
local shuffle_key = KEYS[1]
redis.call('HSETNX', shuffle_key, 'seed', ARGV[1])
return redis.call('HGETALL', shuffle_key)
