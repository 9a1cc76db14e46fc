package io.queuegate.adapter.http.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the status event stream: how many streams one instance holds open, how often each
 * stream recomputes its waiter's status (which is also the heartbeat), how often an unchanged
 * status is sent again, the Retry-After of a refused stream, and how many streams this instance
 * holds open for one waiting token and for one client network.
 */
public record PushSettings(
    int maxStreams,
    Duration checkEvery,
    Duration resendEvery,
    Duration retryAfter,
    int maxStreamsPerToken,
    int maxStreamsPerClient) {

  /** Two tabs of one person's waiting page. */
  public static final int DEFAULT_MAX_STREAMS_PER_TOKEN = 2;

  /** An office or campus behind one address: a tenth of the instance's streams. */
  public static final int DEFAULT_MAX_STREAMS_PER_CLIENT = 1_000;

  /** 10,000 streams, a check per second, a resend every 15 s, retry after 5 s. */
  public static final PushSettings DEFAULTS =
      new PushSettings(
          10_000, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(5));

  /** Settings with the default limits per token and per client network. */
  public PushSettings(
      int maxStreams, Duration checkEvery, Duration resendEvery, Duration retryAfter) {
    this(
        maxStreams,
        checkEvery,
        resendEvery,
        retryAfter,
        DEFAULT_MAX_STREAMS_PER_TOKEN,
        DEFAULT_MAX_STREAMS_PER_CLIENT);
  }

  public PushSettings {
    Objects.requireNonNull(checkEvery);
    Objects.requireNonNull(resendEvery);
    Objects.requireNonNull(retryAfter);
    if (maxStreams < 0) {
      throw new IllegalArgumentException("maxStreams must be 0 (no streams) or more");
    }
    if (maxStreamsPerToken < 1 || maxStreamsPerClient < 1) {
      throw new IllegalArgumentException("the streams per token and per client must be 1 or more");
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
