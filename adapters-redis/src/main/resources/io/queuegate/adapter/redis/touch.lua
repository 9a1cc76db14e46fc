-- touch: heartbeats for waiters still in the line (XX never adds a waiter that already left), and
-- only forward (GT): an instance whose clock lags can never make a waiter look silent for longer.
-- KEYS: 1 heartbeat.
-- ARGV: 1 now ms, then from 2 the waiter ids.
-- Reply: {renewed}.
local heartbeat_key = KEYS[1]
local now = ARGV[1]

local renewed = 0
for i = 2, #ARGV do
  renewed = renewed + redis.call('ZADD', heartbeat_key, 'XX', 'GT', 'CH', now, ARGV[i])
end
return {renewed}
