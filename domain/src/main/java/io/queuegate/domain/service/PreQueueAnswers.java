package io.queuegate.domain.service;

import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SaleSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * What a waiter in a pre-queue that has not opened is told (docs/design.md#pre-queue): an ETA of
 * the time until the opening plus the wait of the middle place of the pre-queue, and a poll at the
 * opening (spread over a second or two, so the pre-queue does not poll in one wave), never later
 * than a third of the heartbeat timeout.
 */
final class PreQueueAnswers {
  private static final long SPREAD_MS = 2_000;
  private static final long FLOOR_MS = 500;

  private final EtaEstimator eta;
  private final RandomGenerator random;

  PreQueueAnswers(EtaEstimator eta, RandomGenerator random) {
    this.eta = eta;
    this.random = random;
  }

  long etaSeconds(SaleSchedule schedule, long preQueueSize, double rate, Instant now) {
    long untilOpening = Math.max(0, Duration.between(now, schedule.opensAt()).toSeconds());
    return untilOpening + eta.etaSeconds((preQueueSize + 1) / 2, rate);
  }

  long pollAfterMs(SaleSchedule schedule, QueuePolicy policy, Instant now) {
    long untilOpening = Math.max(0, Duration.between(now, schedule.opensAt()).toMillis());
    long hint = untilOpening + random.nextLong(SPREAD_MS);
    long longest = HeartbeatCadence.longestWait(policy.heartbeatTimeout()).toMillis();
    return Math.min(Math.max(FLOOR_MS, hint), longest);
  }
}
