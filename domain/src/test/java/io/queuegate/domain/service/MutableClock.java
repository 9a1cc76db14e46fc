package io.queuegate.domain.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move by hand, so no test depends on real time passing. */
final class MutableClock extends Clock {
  static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

  private final AtomicReference<Instant> now;

  MutableClock() {
    this(START);
  }

  MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  void advance(Duration by) {
    now.updateAndGet(current -> current.plus(by));
  }

  void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }

  void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC only");
  }
}
