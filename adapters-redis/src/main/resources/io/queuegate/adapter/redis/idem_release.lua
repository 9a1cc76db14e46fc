-- idem_release: KEYS[1] the record. Drops only a running claim; a stored reply stays for replay.
-- Returns {1} when a claim was dropped, {0} otherwise.
local record = KEYS[1]
if redis.call('HGET', record, 'state') == 'running' then
  return {redis.call('DEL', record)}
end
return {0}
