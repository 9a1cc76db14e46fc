-- The line's change feed (docs/design.md#feed), prepended to the scripts that change the line. A
-- script notes each change as it makes it (feed_note), then writes them all as one stream entry
-- (feed_flush), so the feed holds each change once, in the order the slot made them.
-- An entry has two fields: 'c', the changes as space-separated tokens, a letter and a number each
-- (j first-come join, q pre-queue join, l a first-come waiter left, p a pre-queue entrant left, each
-- with the waiter's sequence; o the pre-queue opened, with its entrants), and 'p', the id of the
-- entry before it ('0-0' for the first), so a reader sees when entries were trimmed or the feed
-- began again.
local feed_changes = {}

local function feed_note(kind, number)
  feed_changes[#feed_changes + 1] = kind .. number
end

-- Writes the changes noted so far as one entry, trimming the feed to about max_length entries
-- (MAXLEN ~ trims whole stream nodes only, which keeps XADD O(1)); nothing when none were noted.
-- Returns whether it wrote an entry.
local function feed_flush(feed_key, max_length)
  if #feed_changes == 0 then
    return false
  end
  local last = redis.call('XREVRANGE', feed_key, '+', '-', 'COUNT', 1)
  local previous = '0-0'
  if #last > 0 then
    previous = last[1][1]
  end
  redis.call('XADD', feed_key, 'MAXLEN', '~', max_length, '*',
    'c', table.concat(feed_changes, ' '), 'p', previous)
  feed_changes = {}
  return true
end
