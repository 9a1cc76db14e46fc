package io.queuegate.adapter.redis;

import java.time.Duration;

/**
 * How the store lets go of what nobody needs any more: how long the counters of an idle,
 * unconfigured event stay (the in-memory store keeps them as long), and how a delete is cut into
 * bounded steps. Not configuration: tests shorten it to see keys expire.
 *
 * @param idleRetention how long an event's counters stay once it has no waiters and no policy
 * @param eraseBatch the most waiters one erase step removes
 * @param eraseBudget how long a delete works inside the caller's request before it goes on in the
 *     background
 * @param fence how long the erase fence stands without a step renewing it (the deleting instance
 *     stopped)
 */
record Housekeeping(Duration idleRetention, int eraseBatch, Duration eraseBudget, Duration fence) {

  static final Housekeeping DEFAULTS =
      new Housekeeping(Duration.ofHours(1), 500, Duration.ofMillis(500), Duration.ofSeconds(10));

  Housekeeping {
    if (idleRetention.toMillis() < 1
        || eraseBatch < 1
        || eraseBudget.isNegative()
        || fence.toMillis() < 1) {
      throw new IllegalArgumentException("housekeeping bounds must be positive");
    }
  }

  /** The idle retention as scripts take it. */
  String idleRetentionMillis() {
    return Long.toString(idleRetention.toMillis());
  }

  Housekeeping withIdleRetention(Duration value) {
    return new Housekeeping(value, eraseBatch, eraseBudget, fence);
  }

  Housekeeping withEraseBatch(int value) {
    return new Housekeeping(idleRetention, value, eraseBudget, fence);
  }

  Housekeeping withEraseBudget(Duration value) {
    return new Housekeeping(idleRetention, eraseBatch, value, fence);
  }
}
