#!lua flags=no-writes
-- history: admissions per slot of the longest ETA window, and the oldest admission in it. The slot
-- length and count come from Java (AdmissionHistory), so none is written here.
-- KEYS: 1 admission times (member admission id, score admitted at ms).
-- ARGV: 1 now ms, 2 slot ms, 3 slots.
-- Reply: {count per slot, newest first: the admissions in (now - (i + 1) * slot, now - i * slot],
--   then the time of the oldest admission in the whole span in ms, or -1 when there is none}.
local admissions_key = KEYS[1]
local now, slot, slots = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])

local reply = {}
for i = 0, slots - 1 do
  reply[i + 1] = redis.call('ZCOUNT', admissions_key, '(' .. (now - (i + 1) * slot), now - i * slot)
end
local oldest = redis.call('ZRANGEBYSCORE', admissions_key, '(' .. (now - slots * slot), now,
  'WITHSCORES', 'LIMIT', 0, 1)
reply[slots + 1] = oldest[2] and tonumber(oldest[2]) or -1
return reply
