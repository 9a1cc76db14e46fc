-- prune_event: drops an event from the active-event index once its line was seen empty. Every join
-- adds 1 to the event's score, so an unchanged score proves no join came in between; a join after
-- this call adds the event back.
-- KEYS: 1 the active-event index (queuegate:events).
-- ARGV: 1 event id, 2 the score the caller read before it saw the event's line empty.
-- Reply: {removed}.
local active_events_key = KEYS[1]
local event_id, score_read = ARGV[1], tonumber(ARGV[2])

local score = redis.call('ZSCORE', active_events_key, event_id)
if score and tonumber(score) == score_read then
  return {redis.call('ZREM', active_events_key, event_id)}
end
return {0}
