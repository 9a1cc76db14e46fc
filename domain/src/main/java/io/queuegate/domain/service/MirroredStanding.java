package io.queuegate.domain.service;

import io.queuegate.domain.model.WaiterStanding;
import java.util.Objects;

/** A waiter's standing read from the line mirror, exact as of the feed's {@code version}. */
public record MirroredStanding(WaiterStanding standing, long version) {
  public MirroredStanding {
    Objects.requireNonNull(standing);
  }
}
