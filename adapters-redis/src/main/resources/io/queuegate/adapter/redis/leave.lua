-- leave: removes a waiter from the line; idempotent (a second leave changes nothing).
-- KEYS: 1-12 the line keys (lib_line.lua), 13 waiter hash.
-- ARGV: 1 waiter id, 2 idle retention ms (settle_if_idle), 3 now ms (for the log).
-- Reply: {1} when the waiter was in the line (counted as left), {0} otherwise.
local waiter_key = KEYS[13]
local id, keep_ms, now = ARGV[1], ARGV[2], ARGV[3]

local present, named = remove_waiter(id, waiter_key)
if present then
  redis.call('HINCRBY', stats_key, 'left', 1)
  if named then
    log_append('leave|' .. now .. '|' .. named)
  end
  settle_if_idle(keep_ms)
  return {1}
end
return {0}
