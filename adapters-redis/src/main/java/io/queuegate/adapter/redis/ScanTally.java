package io.queuegate.adapter.redis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one tier-2 SCAN has read so far: the waiting entries ahead of one waiter, and the ids to put
 * back into the index. SCAN may return a key more than once (when the server resizes its table
 * between calls), so each waiter counts once.
 */
final class ScanTally {
  private final String waiterPrefix;
  private final long sequence;
  private final Set<String> read = new LinkedHashSet<>();
  private long ahead;

  /** A tally for the waiter {@code waiterId} with sequence {@code sequence}. */
  ScanTally(String waiterPrefix, String waiterId, long sequence) {
    this.waiterPrefix = waiterPrefix;
    this.sequence = sequence;
    read.add(waiterId);
  }

  /** One per-waiter key the SCAN returned and its sequence, or null when its hash is gone. */
  void add(String key, String seq) {
    if (seq == null || !read.add(key.substring(waiterPrefix.length()))) {
      return;
    }
    if (Long.parseLong(seq) < sequence) {
      ahead++;
    }
  }

  /** 1 + the waiting entries read with a smaller sequence. */
  long position() {
    return ahead + 1;
  }

  /** Every waiter read, the one asked about first. */
  List<String> ids() {
    return List.copyOf(read);
  }
}
