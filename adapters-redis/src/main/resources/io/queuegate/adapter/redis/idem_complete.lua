-- idem_complete: stores the reply of a finished request for replay.
-- KEYS[1] the record. ARGV: fingerprint, reply (the adapter's encoding, kept as it is), now ms,
-- keep ms. Returns {1}.
local record = KEYS[1]
local fingerprint, reply, now, keep_ms = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
redis.call('HSET', record, 'state', 'done', 'fp', fingerprint, 'reply', reply,
  'until', now + tonumber(keep_ms))
redis.call('PEXPIRE', record, keep_ms)
return {1}
