-- leave: removes a waiter from the line; idempotent (a second leave changes nothing).
-- KEYS: 1-5 the line keys (lib_line.lua), 6 waiter hash.
-- ARGV: 1 waiter id.
-- Reply: {1} when the waiter was in the line (counted as left), {0} otherwise.
local waiter_key = KEYS[6]
local id = ARGV[1]

if remove_waiter(id, waiter_key) then
  redis.call('HINCRBY', stats_key, 'left', 1)
  return {1}
end
return {0}
