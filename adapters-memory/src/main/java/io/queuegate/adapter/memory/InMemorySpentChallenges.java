package io.queuegate.adapter.memory;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.SpentChallenges;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Spent challenges of one instance, each forgotten once its challenge has expired. */
public final class InMemorySpentChallenges implements SpentChallenges {
  // Expired entries are swept every so many spends, so memory follows the live challenges.
  private static final long SWEEP_EVERY = 1024;

  private final Map<String, Instant> spent = new ConcurrentHashMap<>();
  private final AtomicLong spends = new AtomicLong();

  @Override
  public boolean spend(EventId eventId, String challenge, Instant expiresAt, Instant now) {
    if (spends.incrementAndGet() % SWEEP_EVERY == 0) {
      spent.values().removeIf(expiry -> !now.isBefore(expiry));
    }
    boolean[] won = new boolean[1];
    spent.compute(
        eventId.value() + "|" + challenge,
        (key, expiry) -> {
          if (expiry != null && now.isBefore(expiry)) {
            return expiry;
          }
          won[0] = true;
          return expiresAt;
        });
    return won[0];
  }

  /** How many challenges are remembered now, expired ones not yet swept included (tests). */
  int size() {
    return spent.size();
  }
}
