# Writes the Redis calls of one bench/shard-capacity phase in RESP, one per waiter (or per batch),
# for `redis-cli --pipe`: the service's own scripts with the keys and arguments that the Redis
# adapter passes (LineJoiner, RedisAdmissionLedger, the heartbeat flush and the reaper).
# Variables: phase (join|admit|touch|touchbits|reap|feed), sha, first, count, now (ms), legacy (1/0),
# batch (ids per touch call, waiters per reap call). Touch renews the seeded line ('b' ids); join,
# admit and reap work on the waiters the join phase added ('s' ids).
function out(n,    i, s) {
  s = "*" n "\r\n"
  for (i = 1; i <= n; i++) s = s "$" length(a[i]) "\r\n" a[i] "\r\n"
  printf "%s", s
}
function line_keys(    b) {
  b = "queue:event:{bench-shard}"
  a[4] = b ":position"; a[5] = b; a[6] = b ":heartbeat"; a[7] = b ":ident"; a[8] = b ":stats"
  a[9] = b ":seq"; a[10] = b ":live"; a[11] = b ":policy"; a[12] = b ":pre"; a[13] = b ":pre:new"
  a[14] = b ":shuffle"; a[15] = b ":log"
  return b
}
function id(seq) { return sprintf("s%021d", seq) }
BEGIN {
  a[1] = "EVALSHA"; a[2] = sha
  if (phase == "join") {
    a[3] = 14; b = line_keys()
    for (s = first; s < first + count; s++) {
      a[16] = b ":w:" id(s); a[17] = b ":erasing"
      a[18] = id(s); a[19] = ""; a[20] = ""; a[21] = now; a[22] = 0; a[23] = legacy
      a[24] = b ":w:"; a[25] = ""; a[26] = ""; a[27] = sprintf("%016x%016x", s * 7919, s)
      out(27)
    }
  } else if (phase == "admit") {
    a[3] = 16; b = line_keys()
    for (s = first; s < first + count; s++) {
      a[16] = b ":w:" id(s); a[17] = b ":x:" id(s); a[18] = b ":limiter"; a[19] = b ":admits"
      a[20] = id(s); a[21] = 1000000000; a[22] = 0; a[23] = 1; a[24] = 1000000000000
      a[25] = 0; a[26] = sprintf("adm-%d", s); a[27] = 600000; a[28] = now
      a[29] = sprintf("%.0f", int(now / 1000)); a[30] = sprintf("%.0f", (now % 1000) * 1000000); a[31] = legacy
      a[32] = 900000; a[33] = 3600000
      out(33)
    }
  } else if (phase == "touch") {
    a[3] = 1; a[4] = "queue:event:{bench-shard}:heartbeat"; a[5] = now
    for (s = first; s < first + count; s += batch) {
      n = 5
      for (t = s; t < s + batch && t < first + count; t++) a[++n] = sprintf("b%021d", t)
      out(n)
    }
  } else if (phase == "touchbits") {
    # The candidate heartbeat layout: one bit per sequence in the current time bucket's bitmap.
    a[3] = 1; a[4] = "queue:event:{bench-shard}:hb:0"; a[5] = now
    for (s = first; s < first + count; s += batch) {
      n = 5
      for (t = s; t < s + batch && t < first + count; t++) a[++n] = t
      out(n)
    }
  } else if (phase == "reap") {
    a[3] = 12; b = line_keys()
    for (s = first; s < first + count; s += batch) {
      a[16] = sprintf("%.0f", now + 1); a[17] = batch; a[18] = 600000; a[19] = b ":w:"; a[20] = b ":x:"
      a[21] = now; a[22] = 3600000
      out(22)
    }
  } else if (phase == "feed") {
    # XADD as the feed would: one entry per change batch, trimmed to about 100,000 entries.
    a[1] = "XADD"; a[2] = "queue:event:{bench-shard}:feed"; a[3] = "MAXLEN"; a[4] = "~"
    a[5] = 100000; a[6] = "*"; a[7] = "c"; a[9] = "p"
    for (s = first; s < first + count; s++) {
      a[8] = "j" s " l" (s > 56 ? s - 56 : 1); a[10] = (s - 1) "-0"
      out(10)
    }
  }
}
