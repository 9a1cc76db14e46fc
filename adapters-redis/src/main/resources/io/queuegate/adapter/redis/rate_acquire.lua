-- rate_acquire: one request against a client's GCRA bucket; a refusal changes nothing.
-- KEYS: 1 the client's bucket.
-- ARGV: 1 interval ns, 2 tolerance ns, 3 now s, 4 now nanos.
-- Reply: {allowed (1/0), remaining, retry after ns, reset after ns}.
local bucket_key = KEYS[1]
local interval_ns, tolerance_ns = tonumber(ARGV[1]), tonumber(ARGV[2])
local now_s, now_n = tonumber(ARGV[3]), tonumber(ARGV[4])

local ok, tat_s, tat_n, remaining, retry_ns, reset_ns =
  gcra_decide(redis.call('GET', bucket_key), now_s, now_n, interval_ns, tolerance_ns)
if ok == 1 then
  gcra_store(bucket_key, tat_s, tat_n, reset_ns)
end
return {ok, remaining, retry_ns, reset_ns}
