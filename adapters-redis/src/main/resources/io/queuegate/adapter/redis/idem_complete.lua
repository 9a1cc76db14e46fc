-- idem_complete: KEYS[1] the record. ARGV: fingerprint, status, body, now ms, keep ms. Returns {1}.
redis.call('HSET', KEYS[1], 'state', 'done', 'fp', ARGV[1], 'status', ARGV[2], 'body', ARGV[3],
  'until', tonumber(ARGV[4]) + tonumber(ARGV[5]))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {1}
