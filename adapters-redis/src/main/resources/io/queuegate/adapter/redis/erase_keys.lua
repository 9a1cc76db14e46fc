-- erase_keys: the last step of deleting an event: unlinks keys of the event that no structure lists
-- (a SCAN page), while the erase fence still stands. Without the fence a new line may have started,
-- whose keys must stay.
-- KEYS: 1 fence, then the keys to unlink (all of the same event, so of one slot).
-- ARGV: 1 fence ms.
-- Reply: {unlinked}, or {-1} when the fence was gone and nothing was touched.
local fence_key = KEYS[1]
local fence_ms = ARGV[1]

if redis.call('PEXPIRE', fence_key, fence_ms) == 0 then
  return {-1}
end
local unlinked = 0
for i = 2, #KEYS do
  if KEYS[i] ~= fence_key then
    unlinked = unlinked + redis.call('UNLINK', KEYS[i])
  end
end
return {unlinked}
