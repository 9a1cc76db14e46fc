-- idem_release: KEYS[1] the record. Drops only a running claim; a stored reply stays for replay.
if redis.call('HGET', KEYS[1], 'state') == 'running' then
  return {redis.call('DEL', KEYS[1])}
end
return {0}
