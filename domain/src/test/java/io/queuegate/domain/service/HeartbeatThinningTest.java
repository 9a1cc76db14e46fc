package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The thinning window, its safety (no waiter's last sent heartbeat is ever older than the start of
 * its current window) and what it saves, with times the test chooses.
 */
class HeartbeatThinningTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(300);
  private static final long WINDOW_MS = 30_000;
  private static final Instant T0 = Instant.parse("2026-12-01T20:00:00Z");

  private final HeartbeatThinning thinning = new HeartbeatThinning();

  private boolean sends(long sequence, long atMs) {
    return thinning.firstInWindow(EVENT, sequence, TIMEOUT, T0.plusMillis(atMs));
  }

  @Test
  void window_isATenthOfTheTimeout_atMost30s_andNoneBelow2s() {
    assertThat(HeartbeatThinning.window(Duration.ofSeconds(300))).hasSeconds(30);
    assertThat(HeartbeatThinning.window(Duration.ofSeconds(100))).hasSeconds(10);
    assertThat(HeartbeatThinning.window(Duration.ofHours(24))).hasSeconds(30);
    assertThat(HeartbeatThinning.window(Duration.ofSeconds(20))).hasSeconds(2);
    assertThat(HeartbeatThinning.window(Duration.ofSeconds(19))).isZero();
  }

  @Test
  void aWaiterPollingEverySecond_sendsOncePerWindow() {
    int sent = 0;
    for (long t = 0; t < 10 * WINDOW_MS; t += 1_000) {
      sent += sends(42, t) ? 1 : 0;
    }

    // Ten windows, the first call of each; the first window may be cut by the start, and once its
    // page is started afresh (7 to 14 windows in) the waiter sends once more.
    assertThat(sent).isBetween(10, 12);
  }

  @Test
  void anUnthinnedTimeout_orAnUnknownSequence_alwaysSends() {
    Duration short19 = Duration.ofSeconds(19);
    assertThat(thinning.firstInWindow(EVENT, 42, short19, T0)).isTrue();
    assertThat(thinning.firstInWindow(EVENT, 42, short19, T0)).isTrue();
    assertThat(thinning.firstInWindow(EVENT, 0, TIMEOUT, T0)).isTrue();
    assertThat(thinning.firstInWindow(EVENT, 0, TIMEOUT, T0)).isTrue();
  }

  @Test
  void eventsAreThinnedApart() {
    EventId other = new EventId("other-sale");
    assertThat(sends(42, 0)).isTrue();
    assertThat(thinning.firstInWindow(other, 42, TIMEOUT, T0)).isTrue();
    assertThat(sends(42, 1)).isFalse();
  }

  @Test
  void aChangedTimeout_forgetsWhatWasSent() {
    assertThat(sends(42, 0)).isTrue();
    assertThat(thinning.firstInWindow(EVENT, 42, Duration.ofSeconds(200), T0)).isTrue();
    assertThat(thinning.firstInWindow(EVENT, 42, Duration.ofSeconds(200), T0)).isTrue();
    assertThat(thinning.firstInWindow(EVENT, 42, Duration.ofSeconds(200), T0)).isFalse();
  }

  /**
   * The rule the reaper relies on, under seeded random polling of 3,000 waiters for 60 windows:
   * gaps from 1 ms to 20 windows, some exactly 15 windows (where 4-bit marks repeat), and the
   * instance's clock set back by up to two windows now and then.
   */
  @Test
  void theLastSentHeartbeat_isNeverOlderThanOneWindow_whateverThePolling() {
    SplittableRandom random = new SplittableRandom(20261201);
    int sequences = 3_000;
    long[] lastSent = new long[sequences + 1];
    Arrays.fill(lastSent, Long.MIN_VALUE / 2);
    PriorityQueue<long[]> polls = new PriorityQueue<>(Comparator.comparingLong(p -> p[0]));
    for (int s = 1; s <= sequences; s++) {
      polls.add(new long[] {random.nextLong(WINDOW_MS), s});
    }
    long skew = 0;
    long calls = 0;
    long skipped = 0;
    while (!polls.isEmpty() && polls.peek()[0] < 60 * WINDOW_MS) {
      long[] poll = polls.poll();
      int s = (int) poll[1];
      if (random.nextInt(20_000) == 0) {
        skew = random.nextBoolean() ? 0 : -random.nextLong(2 * WINDOW_MS);
      }
      long clock = poll[0] + skew;
      calls++;
      if (sends(s, clock)) {
        lastSent[s] = clock;
      } else {
        skipped++;
        // Negative after the clock was set back: a heartbeat from "the future" is the freshest.
        assertThat(clock - lastSent[s])
            .as("age of sequence %d's last heartbeat at %d ms", s, clock)
            .isLessThan(WINDOW_MS);
      }
      long gap =
          switch (random.nextInt(10)) {
            case 0 -> 15 * WINDOW_MS;
            case 1 -> 1 + random.nextLong(20 * WINDOW_MS);
            default -> 1 + random.nextLong(3_000);
          };
      polls.add(new long[] {poll[0] + gap, s});
    }
    assertThat(skipped).as("calls thinned of %d", calls).isGreaterThan(calls / 2);
  }

  @Test
  void aLinePollingTogether_spreadsItsSendsOverTheWindow() {
    int sequences = 30_000;
    int[] perSecond = new int[(int) (3 * WINDOW_MS / 1_000)];
    for (long t = 0; t < 3 * WINDOW_MS; t += 1_000) {
      for (int s = 1; s <= sequences; s++) {
        if (sends(s, t)) {
          perSecond[(int) (t / 1_000)]++;
        }
      }
    }

    // After the first second (everyone's first call), about 1,000 a second: one per window each.
    for (int second = 1; second < perSecond.length; second++) {
      assertThat(perSecond[second]).as("sends in second %d", second).isBetween(700, 1_300);
    }
  }

  @Test
  void aClockSetBackFifteenWindows_doesNotTakeAnOldMarkForTheCurrentWindow() {
    assertThat(sends(42, 0)).isTrue();
    assertThat(sends(42, -15 * WINDOW_MS)).isTrue();
  }

  @Test
  void idleEvents_areForgotten() {
    sends(42, 0);
    thinning.sweep(T0.plus(HeartbeatThinning.IDLE).minusMillis(1));
    assertThat(thinning.events()).isEqualTo(1);

    thinning.sweep(T0.plus(HeartbeatThinning.IDLE).plusMillis(1));
    assertThat(thinning.events()).isZero();
    assertThat(sends(42, 1)).isTrue();
  }
}
