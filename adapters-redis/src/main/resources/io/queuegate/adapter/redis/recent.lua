#!lua flags=no-writes
-- recent: admissions over the ETA's sliding windows. Their lengths come from Java
-- (AdmissionWindows.SPANS), so none is written here.
-- KEYS: 1 admission times (member admission id, score admitted at ms).
-- ARGV: 1 now ms, then from 2 the window lengths in ms, shortest first.
-- Reply: {count per window, in ARGV order}: the admissions in (now - window, now].
local admissions_key = KEYS[1]
local now = tonumber(ARGV[1])

local counts = {}
for i = 2, #ARGV do
  counts[i - 1] = redis.call('ZCOUNT', admissions_key, '(' .. (now - tonumber(ARGV[i])), now)
end
return counts
