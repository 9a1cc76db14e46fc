-- reap: KEYS 1-5 as lib_line.lua. ARGV: silent-since ms, limit, remember ms, waiter key prefix,
-- tombstone key prefix, now ms. A tombstone holds the instant it ends (readers compare it with their
-- own now) and expires by PX for cleanup. The candidates are read and removed in the same atomic step, so two
-- instances reaping one event at once remove each waiter exactly once. Returns {removed}.
local ids = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(ids) do
  remove_waiter(id, ARGV[4] .. id)
  redis.call('SET', ARGV[5] .. id, tonumber(ARGV[6]) + tonumber(ARGV[3]), 'PX', ARGV[3])
end
if #ids > 0 then
  redis.call('HINCRBY', KEYS[5], 'expired', #ids)
end
return {#ids}
