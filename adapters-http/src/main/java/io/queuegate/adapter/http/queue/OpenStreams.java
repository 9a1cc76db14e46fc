package io.queuegate.adapter.http.queue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts this instance's open event streams, in all, per waiting token and per client network, and
 * refuses one beyond any of the limits. Only tokens and networks with open streams are held.
 */
final class OpenStreams {
  /** The answer to a request for one more stream. */
  enum Claim {
    OPENED,
    /** The token holds as many streams as one token may. */
    TOKEN_FULL,
    /** The client network holds as many streams as one network may. */
    CLIENT_FULL,
    /** The instance holds as many streams as it may. */
    INSTANCE_FULL
  }

  private final int limit;
  private final int perToken;
  private final int perClient;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentMap<String, Integer> byToken = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Integer> byClient = new ConcurrentHashMap<>();

  OpenStreams(int limit, int perToken, int perClient) {
    this.limit = limit;
    this.perToken = perToken;
    this.perClient = perClient;
  }

  /** Claims a place for one more stream of {@code token} from {@code client}. */
  Claim tryOpen(String token, String client) {
    if (!claim(byToken, token, perToken)) {
      return Claim.TOKEN_FULL;
    }
    if (!claim(byClient, client, perClient)) {
      release(byToken, token);
      return Claim.CLIENT_FULL;
    }
    if (!claimInstance()) {
      release(byClient, client);
      release(byToken, token);
      return Claim.INSTANCE_FULL;
    }
    return Claim.OPENED;
  }

  /** Gives back a place that {@link #tryOpen} claimed. */
  void closed(String token, String client) {
    open.decrementAndGet();
    release(byClient, client);
    release(byToken, token);
  }

  int count() {
    return open.get();
  }

  /** Tokens and networks with streams, for tests that nothing is left behind. */
  int keysHeld() {
    return byToken.size() + byClient.size();
  }

  private boolean claimInstance() {
    while (true) {
      int now = open.get();
      if (now >= limit) {
        return false;
      }
      if (open.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  private static boolean claim(ConcurrentMap<String, Integer> counts, String key, int max) {
    boolean[] claimed = new boolean[1];
    counts.compute(
        key,
        (k, n) -> {
          int held = n == null ? 0 : n;
          claimed[0] = held < max;
          return claimed[0] ? held + 1 : n;
        });
    return claimed[0];
  }

  private static void release(ConcurrentMap<String, Integer> counts, String key) {
    counts.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
  }
}
