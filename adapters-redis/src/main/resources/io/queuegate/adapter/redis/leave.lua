-- leave: KEYS 1-5 as lib_line.lua, KEYS[6] waiter hash. ARGV: waiter id. Returns {1} when the waiter
-- was in the line, {0} otherwise (idempotent: a second leave changes nothing).
if remove_waiter(ARGV[1], KEYS[6]) then
  redis.call('HINCRBY', KEYS[5], 'left', 1)
  return {1}
end
return {0}
