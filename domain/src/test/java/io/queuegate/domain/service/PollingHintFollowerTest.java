package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * One waiter that follows {@code poll_after_ms} on a line moving at a constant rate, in virtual
 * time: how many status calls it makes before it is ready, and how late it notices.
 */
class PollingHintFollowerTest {
  private static final long WINDOW = 100;
  // The longest a follower can oversleep readiness: one near-head poll at the top of the jitter.
  private static final long MAX_LATE_MS = 1_200;

  /** What the waiter saw: status calls until it was ready, and when and where it noticed. */
  private record Outcome(long polls, long lateMs, long positionWhenNoticed) {}

  /** A line at {@code rate} per second; the waiter joins at {@code start} at time 0. */
  private record Line(long start, double rate) {
    long positionAt(long ms) {
      return start - (long) Math.floor(rate * ms / 1000.0);
    }

    long readyAtMs() {
      return (long) Math.ceil((start - WINDOW) / rate * 1000);
    }

    long etaAt(long ms) {
      return EtaEstimator.etaSeconds(positionAt(ms), rate, EtaSettings.defaults());
    }

    Outcome followHint(RandomGenerator random) {
      PollingHint hint = new PollingHint(random);
      // The join's reply carries the first hint.
      long now = hint.pollAfterMs(start, WINDOW, rate, etaAt(0));
      long polls = 1;
      while (positionAt(now) > WINDOW) {
        now += hint.pollAfterMs(positionAt(now), WINDOW, rate, etaAt(now));
        polls++;
      }
      return new Outcome(polls, now - readyAtMs(), positionAt(now));
    }

    long fixedPolls(long everyMs) {
      return (readyAtMs() + everyMs - 1) / everyMs;
    }
  }

  private static final List<RandomGenerator> JITTERS =
      List.of(new FixedRandom(0.0), FixedRandom.NO_JITTER, new FixedRandom(0.999_999_999));

  @Test
  void tenMinuteLine_followerPollsAtMostATenthOfATwoSecondPoller() {
    Line line = new Line(3_000, 5);

    for (long seed = 1; seed <= 20; seed++) {
      Outcome outcome = line.followHint(new Random(seed));

      assertThat(outcome.polls()).isLessThanOrEqualTo(line.fixedPolls(2_000) / 10);
    }
    assertThat(line.fixedPolls(2_000)).isEqualTo(290);
  }

  @Test
  void tenMinuteLine_evenTheShortestJitterStaysNearATenthOfATwoSecondPoller() {
    Line line = new Line(3_000, 5);

    assertThat(line.followHint(new FixedRandom(0.0)).polls())
        .isLessThanOrEqualTo(line.fixedPolls(2_000) / 8);
  }

  @Test
  void shortFastLine_followerPollsNoMoreThanAThreeSecondPoller() {
    Line line = new Line(1_000, 25);

    for (RandomGenerator random : JITTERS) {
      assertThat(line.followHint(random).polls()).isLessThanOrEqualTo(line.fixedPolls(3_000));
    }
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(line.followHint(new Random(seed)).polls())
          .isLessThanOrEqualTo(line.fixedPolls(3_000));
    }
  }

  @Test
  void follower_noticesReadinessWithinOneNearHeadPollStillInsideTheWindow() {
    for (Line line : List.of(new Line(3_000, 5), new Line(1_000, 25), new Line(50_000, 50))) {
      for (RandomGenerator random : JITTERS) {
        Outcome outcome = line.followHint(random);

        assertThat(outcome.lateMs()).isBetween(0L, MAX_LATE_MS);
        assertThat(outcome.positionWhenNoticed()).isBetween(1L, WINDOW);
      }
    }
  }
}
