package io.queuegate.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Client networks refused on the token routes for a moment, because they named more unknown tokens
 * than their limit allows. Kept in this instance and bounded: when it is full of live entries, a
 * new one is not recorded (the guard then fails open rather than grow).
 */
final class ClientBlocks {
  static final int MAX_CLIENTS = 10_000;

  private final ConcurrentMap<String, Instant> until = new ConcurrentHashMap<>();

  /** How long {@code client} stays refused, or empty when it is not. */
  Optional<Duration> remaining(String client, Instant now) {
    Instant end = until.get(client);
    if (end == null) {
      return Optional.empty();
    }
    if (!end.isAfter(now)) {
      until.remove(client, end);
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, end));
  }

  /** Refuses {@code client} on the token routes until {@code end}. */
  void block(String client, Instant end, Instant now) {
    if (until.size() >= MAX_CLIENTS) {
      until.values().removeIf(e -> !e.isAfter(now));
      if (until.size() >= MAX_CLIENTS) {
        return;
      }
    }
    until.merge(client, end, (a, b) -> a.isAfter(b) ? a : b);
  }

  int size() {
    return until.size();
  }
}
