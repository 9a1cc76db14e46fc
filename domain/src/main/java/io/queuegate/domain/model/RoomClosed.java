package io.queuegate.domain.model;

import java.time.Duration;
import java.util.Objects;

/** The room refuses everybody for now (mode {@code reject}); try again after {@code retryAfter}. */
public final class RoomClosed extends QueueException {
  private final Duration retryAfter;

  public RoomClosed(Duration retryAfter) {
    super("this room is closed for now; try again later");
    this.retryAfter = Objects.requireNonNull(retryAfter);
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
