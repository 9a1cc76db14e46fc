#!lua flags=no-writes
-- feed_read: the feed's entries after an id (docs/design.md#feed), with the feed's last id, so that
-- the reader sees a gap: the first entry's previous id is not the one it asked after, its id is past
-- the feed's end, or the feed is gone.
-- KEYS: 1 the feed.
-- ARGV: 1 the id to read after ('0-0' for the start), 2 the most entries to return.
-- Reply: {last entry id, or '' when the feed is gone, then for each entry: id, changes, previous id}.
local feed_key = KEYS[1]
local after, max = ARGV[1], ARGV[2]

local last = redis.call('XREVRANGE', feed_key, '+', '-', 'COUNT', 1)
if #last == 0 then
  return {''}
end
local out = {last[1][1]}
for _, entry in ipairs(redis.call('XRANGE', feed_key, '(' .. after, '+', 'COUNT', max)) do
  local fields, changes, previous = entry[2], '', '0-0'
  for i = 1, #fields, 2 do
    if fields[i] == 'c' then
      changes = fields[i + 1]
    elseif fields[i] == 'p' then
      previous = fields[i + 1]
    end
  end
  out[#out + 1] = entry[1]
  out[#out + 1] = changes
  out[#out + 1] = previous
end
return out
