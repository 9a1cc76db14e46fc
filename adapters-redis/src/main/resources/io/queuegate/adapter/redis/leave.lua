-- leave: removes a waiter from the line; idempotent (a second leave changes nothing).
-- KEYS: 1-11 the line keys (lib_line.lua), 12 waiter hash.
-- ARGV: 1 waiter id, 2 idle retention ms (settle_if_idle).
-- Reply: {1} when the waiter was in the line (counted as left), {0} otherwise.
local waiter_key = KEYS[12]
local id, keep_ms = ARGV[1], ARGV[2]

if remove_waiter(id, waiter_key) then
  redis.call('HINCRBY', stats_key, 'left', 1)
  settle_if_idle(keep_ms)
  return {1}
end
return {0}
