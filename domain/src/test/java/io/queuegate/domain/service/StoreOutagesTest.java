package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoreOutagesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final MutableClock clock = new MutableClock();
  private final StoreOutages outages = new StoreOutages(clock);

  /** The store answers at the start, fails for {@code length}, and answers again. */
  private Instant outageOf(Duration length) {
    outages.answered();
    Instant start = clock.instant();
    clock.advanceMillis(1);
    outages.failed();
    clock.advance(length.minusMillis(1));
    outages.answered();
    return start;
  }

  @Test
  void noOutage_countsTheTimeoutBackFromTheGivenInstant() {
    clock.advance(Duration.ofMinutes(5));
    Instant now = clock.instant();

    assertThat(outages.rewind(now, TIMEOUT)).isEqualTo(now.minus(TIMEOUT));
  }

  @Test
  void outageWithinTheWindow_isSteppedOver() {
    clock.advanceMillis(5_000);
    outageOf(Duration.ofSeconds(40));
    clock.advanceMillis(2_000);
    Instant now = clock.instant();

    // 2 s reachable since the outage, 40 s stepped over, 18 s reachable before it.
    assertThat(outages.rewind(now, TIMEOUT)).isEqualTo(now.minusSeconds(2 + 40 + 18));
  }

  @Test
  void outageStartsAtTheLastAnswerBeforeTheFirstFailure() {
    outages.answered();
    Instant lastAnswer = clock.instant();
    clock.advanceMillis(3_000);
    outages.failed();
    clock.advanceMillis(10_000);
    outages.failed();
    outages.answered();
    Instant now = clock.instant();

    assertThat(outages.rewind(now, TIMEOUT)).isEqualTo(lastAnswer.minus(TIMEOUT));
  }

  @Test
  void outageBeforeTheWindow_changesNothing() {
    outageOf(Duration.ofSeconds(40));
    clock.advance(Duration.ofSeconds(25));
    Instant now = clock.instant();

    assertThat(outages.rewind(now, TIMEOUT)).isEqualTo(now.minus(TIMEOUT));
  }

  @Test
  void outageReachingIntoTheWindow_shiftsItByTheOverlapOnly() {
    outageOf(Duration.ofSeconds(40));
    clock.advance(Duration.ofSeconds(15));
    Instant now = clock.instant();

    assertThat(outages.rewind(now, TIMEOUT)).isEqualTo(now.minusSeconds(15 + 40 + 5));
  }

  @Test
  void ongoingOutage_countsUpToNow() {
    outages.answered();
    Instant lastAnswer = clock.instant();
    clock.advanceMillis(1);
    outages.failed();
    clock.advance(Duration.ofMinutes(2));

    assertThat(outages.rewind(clock.instant(), TIMEOUT)).isEqualTo(lastAnswer.minus(TIMEOUT));
  }

  @Test
  void severalOutages_areAllSteppedOver() {
    Instant first = outageOf(Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(5));
    outageOf(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(5));
    Instant now = clock.instant();

    // 5 s reachable, 30 s out, 5 s reachable, 10 s out, then the last 10 s before the first.
    assertThat(outages.rewind(now, TIMEOUT)).isEqualTo(first.minusSeconds(10));
  }

  @Test
  void outageAfterTheInstantCountedFrom_isIgnored() {
    Instant from = clock.instant();
    clock.advance(Duration.ofSeconds(1));
    outageOf(Duration.ofSeconds(40));

    assertThat(outages.rewind(from, TIMEOUT)).isEqualTo(from.minus(TIMEOUT));
  }

  @Test
  void failuresWithoutAnyAnswer_areOneOutageFromTheStart() {
    Instant start = clock.instant();
    clock.advance(Duration.ofSeconds(30));
    outages.failed();
    clock.advance(Duration.ofSeconds(30));
    outages.failed();

    assertThat(outages.rewind(clock.instant(), TIMEOUT)).isEqualTo(start.minus(TIMEOUT));
  }
}
