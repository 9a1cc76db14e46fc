#!lua flags=no-writes
-- feed_read: the feed's entries after an id (docs/design.md#feed), with the feed's last id, so that
-- the reader sees a gap: the first entry's previous id is not the one it asked after, its id is past
-- the feed's end, or the feed is gone.
-- KEYS: 1 the feed.
-- ARGV: 1 the id to read after ('0-0' for the start), 2 the most entries to return.
-- Reply: {last entry id (of a feed trimmed to nothing, the last id it gave), or '' when the feed
-- is gone, then for each entry: id, changes, previous id}.
local feed_key = KEYS[1]
local after, max = ARGV[1], ARGV[2]

local last = redis.call('XREVRANGE', feed_key, '+', '-', 'COUNT', 1)
if #last == 0 then
  if redis.call('EXISTS', feed_key) == 0 then
    return {''}
  end
  -- Trimmed to nothing: its end is the last id it gave, so that a reader there is caught up and one
  -- before it sees the gap.
  local info = redis.call('XINFO', 'STREAM', feed_key)
  for i = 1, #info, 2 do
    if info[i] == 'last-generated-id' then
      return {info[i + 1]}
    end
  end
end
local out = {last[1][1]}
if last[1][1] == after then
  -- Caught up: nothing to range over (a follower's usual read while the line is quiet).
  return out
end
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
