-- forget_policy: deletes the operator's policy and the shuffle of its schedule; an event without
-- waiters then lets its counters expire, as any unconfigured idle event does.
-- KEYS: 1-13 the line keys (lib_line.lua).
-- ARGV: 1 idle retention ms.
-- Reply: {deleted}.
local deleted = redis.call('UNLINK', policy_key)
redis.call('UNLINK', shuffle_key)
settle_if_idle(ARGV[1])
return {deleted}
