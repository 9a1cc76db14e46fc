package io.queuegate.adapter.http.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the status event stream: how many streams one instance holds open, how often each
 * stream recomputes its waiter's status (which is also the heartbeat), how often an unchanged
 * status is sent again, and the Retry-After of a refused stream.
 */
public record PushSettings(
    int maxStreams, Duration checkEvery, Duration resendEvery, Duration retryAfter) {

  /** 10,000 streams, a check per second, a resend every 15 s, retry after 5 s. */
  public static final PushSettings DEFAULTS =
      new PushSettings(
          10_000, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(5));

  public PushSettings {
    Objects.requireNonNull(checkEvery);
    Objects.requireNonNull(resendEvery);
    Objects.requireNonNull(retryAfter);
    if (maxStreams < 0) {
      throw new IllegalArgumentException("maxStreams must be 0 (no streams) or more");
    }
    if (checkEvery.toMillis() < 100 || resendEvery.compareTo(checkEvery) < 0) {
      throw new IllegalArgumentException(
          "checkEvery must be at least 100 ms and resendEvery at least checkEvery");
    }
    if (retryAfter.toSeconds() < 1) {
      throw new IllegalArgumentException("retryAfter must be at least one second");
    }
  }
}
