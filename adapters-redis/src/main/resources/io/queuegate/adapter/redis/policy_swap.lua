-- policy_swap: writes an event's whole policy only if nobody wrote it since the caller read it
-- (compare-and-set on the hash's 'version' field), so that two operators changing different
-- fields never undo each other's change. On a conflict the caller reads the policy again, applies
-- its change to that and retries.
-- KEYS: 1 the policy hash (queue:event:{E}:policy), 2 the event's counters (a configured event
--       keeps them: they lose any TTL when a policy is stored).
-- ARGV: 1 the version the caller read ('' when there was no hash, 'none' for a hash written before
--       versions existed), 2 the new version (random), 3.. field, value pairs of the whole policy.
-- Reply: {'stored'}, or {'changed'} when the version is no longer the one the caller read.
local policy_key, stats_key = KEYS[1], KEYS[2]
local expected, version = ARGV[1], ARGV[2]

local current = redis.call('HGET', policy_key, 'version')
if not current then
  current = redis.call('EXISTS', policy_key) == 1 and 'none' or ''
end
if current ~= expected then
  return {'changed'}
end
redis.call('HSET', policy_key, 'version', version, unpack(ARGV, 3))
redis.call('PERSIST', stats_key)
return {'stored'}
