-- The old gateway's layout, for comparison only (never used by queuegate): per waiter a JSON
-- record queue:waiting:<token>, heartbeat:<token> with a TTL, a member of queue:event:{E} and of
-- position_index:{E}, a one-entry stream stream:event:{E}:user:<token>, and a dedupe key.
-- KEYS: 1 queue:event:{E}, 2 position_index:{E}. ARGV: event id, first number, count, now ms.
-- Tokens are 36-character UUID-shaped strings whose digits sort in join order.
local event, first, count, now = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
for seq = first, first + count - 1 do
  local token = string.format('00000000-0000-4000-8000-%012d', seq)
  redis.call('SET', 'queue:waiting:' .. token, '{"token":"' .. token .. '","event_id":"' .. event
    .. '","user_id":"anonymous","status":"waiting","position":0,"joined_at":' .. now .. '}')
  redis.call('SET', 'heartbeat:' .. token, now, 'EX', 300000)
  redis.call('ZADD', KEYS[1], seq, token)
  redis.call('ZADD', KEYS[2], seq, token)
  redis.call('XADD', 'stream:event:{' .. event .. '}:user:' .. token, '*', 'type', 'joined',
    'token', token, 'at', now)
  redis.call('SET', 'dedupe:' .. string.format('11111111-2222-4333-8444-%012d', seq), token, 'EX',
    300000)
end
return count
