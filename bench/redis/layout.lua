-- Writes waiters first..first+count-1 into ONE structure of a waiter layout, so that each
-- structure's memory can be measured alone (bench/memory-layouts). Today's structures are written
-- exactly as join.lua writes them for a first-come join; the candidates are compact layouts that
-- the product does not use (yet): evidence for what would reach a memory target.
-- KEYS: 1 the structure's key, or its key prefix for the per-waiter and bucketed layouts.
-- ARGV: 1 structure, 2 first number, 3 count, 4 now ms.
-- Structures (today): hash (waiter HASH per waiter: seq uid ident joined lseq eid), index, legacy,
--   heartbeat (ZSETs of the 22-character waiter id), log (the join record's canonical text).
-- Candidates: index16 (the index ZSET with 16 raw bytes per member), line-bitmap (one bit per
--   sequence), hb-bitmap (one heartbeat bucket: one bit per sequence), packed-128 / packed-1024
--   (the waiter's fields packed into one field of a hash per 128 or 1024 sequences), idmap (16-byte
--   waiter id -> sequence, in 65,536 hashes), log-packed (the join record as 23 bytes), feed (the
--   change feed stream: 'j<seq> l<seq-56>' and the previous entry's id, trimmed to ~100,000).
-- Waiter ids are 'b' + 21 digits as in seed.lua; the 16 raw bytes stand in for the 128 random bits
-- behind such an id, the entrant id for its 32 hex characters.
local key, kind, first, count, now = KEYS[1], ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local now_n = tonumber(now)

local function raw16(seq, salt)
  return struct.pack('>I8I8', seq * 2654435761 % 4294967296 + salt, seq)
end

for seq = first, first + count - 1 do
  local id = string.format('b%021d', seq)
  local eid = string.format('%016x%016x', seq * 2654435761 % 4294967296, seq)
  if kind == 'hash' then
    redis.call('HSET', key .. id, 'seq', seq, 'uid', 'anonymous', 'ident', '', 'joined', now,
      'lseq', seq, 'eid', eid)
  elseif kind == 'index' or kind == 'legacy' then
    redis.call('ZADD', key, seq, id)
  elseif kind == 'heartbeat' then
    redis.call('ZADD', key, now, id)
  elseif kind == 'log' then
    redis.call('RPUSH', key, 'join|' .. now .. '|' .. eid .. '|line')
  elseif kind == 'index16' then
    redis.call('ZADD', key, seq, raw16(seq, 0))
  elseif kind == 'line-bitmap' or kind == 'hb-bitmap' then
    redis.call('SETBIT', key, seq, 1)
  elseif kind == 'packed-128' or kind == 'packed-1024' then
    local per = kind == 'packed-128' and 128 or 1024
    -- id 16, entrant id 16, joined ms 6 (as two words), log number 4, user and identity '' (1 each)
    local value = raw16(seq, 0) .. raw16(seq, 1) .. struct.pack('>I2I4I4', math.floor(now_n / 4294967296),
      now_n % 4294967296, seq) .. '\0\0'
    redis.call('HSET', key .. math.floor(seq / per), seq % per, value)
  elseif kind == 'idmap' then
    local id16 = raw16(seq, 0)
    redis.call('HSET', key .. (seq * 2654435761 % 65536), id16, seq)
  elseif kind == 'feed' then
    -- The change feed at its default trim: an entry names its changes and the previous entry's id.
    local last = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)
    local prev = last[1] and last[1][1] or '0-0'
    redis.call('XADD', key, 'MAXLEN', '~', 100000, '*', 'c',
      'j' .. seq .. ' l' .. math.max(1, seq - 56), 'p', prev)
  elseif kind == 'log-packed' then
    redis.call('RPUSH', key, 'j' .. struct.pack('>I2I4', math.floor(now_n / 4294967296),
      now_n % 4294967296) .. raw16(seq, 1))
  else
    return redis.error_reply('unknown structure ' .. kind)
  end
end
return count
