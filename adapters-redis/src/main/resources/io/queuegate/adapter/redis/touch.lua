-- touch: heartbeats for waiters still in the line (XX never adds a waiter that already left).
-- KEYS[1] heartbeat. ARGV: now ms, waiter ids... Returns {count renewed}.
local renewed = 0
for i = 2, #ARGV do
  renewed = renewed + redis.call('ZADD', KEYS[1], 'XX', 'CH', ARGV[1], ARGV[i])
end
return {renewed}
