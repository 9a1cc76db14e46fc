package io.queuegate.adapter.redis;

import java.time.Instant;

/**
 * Feed versions from stream entry ids and back (docs/design.md#feed): {@code ms-n} becomes {@code
 * (ms - EPOCH) << 22 | n}, which grows with the id. It holds while n stays below 2^22 (four million
 * entries in one millisecond, far beyond one Redis thread) and until the year 2093.
 */
final class FeedIds {
  /** 2024-01-01T00:00:00Z: the ids' milliseconds are counted from here, to last longer. */
  static final long EPOCH_MS = 1_704_067_200_000L;

  static final int SEQ_BITS = 22;
  private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;
  private static final long MAX_MS = Long.MAX_VALUE >>> SEQ_BITS;

  private FeedIds() {}

  /** The version of entry id {@code ms-n}; 0 for {@code 0-0}, the id before every entry. */
  static long version(String id) {
    int dash = id.indexOf('-');
    if (dash < 0) {
      throw new IllegalStateException("not a stream id: " + id);
    }
    long ms = Long.parseLong(id, 0, dash, 10);
    long n = Long.parseLong(id, dash + 1, id.length(), 10);
    if (ms == 0 && n == 0) {
      return 0;
    }
    long since = ms - EPOCH_MS;
    if (since < 0 || since > MAX_MS || n > SEQ_MASK) {
      throw new IllegalStateException("stream id out of the version range: " + id);
    }
    return since << SEQ_BITS | n;
  }

  /** The entry id of {@code version}, 0 giving {@code 0-0}. */
  static String id(long version) {
    if (version < 0) {
      throw new IllegalArgumentException("a version is not negative");
    }
    if (version == 0) {
      return "0-0";
    }
    return ((version >>> SEQ_BITS) + EPOCH_MS) + "-" + (version & SEQ_MASK);
  }

  /** When the entry of {@code version} was written, by the Redis clock. */
  static Instant writtenAt(long version) {
    return Instant.ofEpochMilli((version >>> SEQ_BITS) + EPOCH_MS);
  }
}
