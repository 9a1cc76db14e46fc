-- rate_acquire: KEYS[1] the client's bucket. ARGV: interval ns, tolerance ns, now s, now nanos.
-- Returns {allowed, remaining, retry-after ns, reset-after ns}; a refusal changes nothing.
local ok, tat_s, tat_n, remaining, retry_ns, reset_ns =
  gcra_decide(redis.call('GET', KEYS[1]), tonumber(ARGV[3]), tonumber(ARGV[4]),
    tonumber(ARGV[1]), tonumber(ARGV[2]))
if ok == 1 then
  gcra_store(KEYS[1], tat_s, tat_n, reset_ns)
end
return {ok, remaining, retry_ns, reset_ns}
