package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One event's meters, and their ids, so that they can leave the registry together. */
record EventMeters(
    Counter joins,
    Counter admissions,
    Counter leaves,
    Counter expiries,
    AtomicLong waiting,
    DistributionSummary etaUnder,
    DistributionSummary etaOver,
    List<Meter.Id> ids) {

  /**
   * Bucket bounds of the ETA error in percent: the benchmark's 15 % target sits on one of them.
   * Percent, not a ratio: Micrometer rounds a summary's values up to whole numbers for its buckets.
   */
  private static final double[] ETA_ERROR_BUCKETS = {5, 10, 15, 25, 50, 100, 200};

  static EventMeters register(MeterRegistry registry, String event) {
    AtomicLong waiting = new AtomicLong();
    Gauge gauge =
        Gauge.builder("queue_waiting", waiting, AtomicLong::doubleValue)
            .description("Waiters in the event's line, as last seen by the reaper")
            .tag("event", event)
            .strongReference(true)
            .register(registry);
    Counter joins = counter(registry, "queue_joins", "Joins", event);
    Counter admissions = counter(registry, "queue_admissions", "Admissions granted", event);
    Counter leaves = counter(registry, "queue_leaves", "Waiters who left the line", event);
    Counter expiries = counter(registry, "queue_expiries", "Waiters removed for inactivity", event);
    DistributionSummary under = etaError(registry, event, "under");
    DistributionSummary over = etaError(registry, event, "over");
    return new EventMeters(
        joins,
        admissions,
        leaves,
        expiries,
        waiting,
        under,
        over,
        List.of(
            gauge.getId(),
            joins.getId(),
            admissions.getId(),
            leaves.getId(),
            expiries.getId(),
            under.getId(),
            over.getId()));
  }

  /**
   * {@code 100 * |eta - waited| / waited}, {@code side} saying whether the ETA told at join was
   * shorter ({@code under}) or longer ({@code over}) than the wait.
   */
  private static DistributionSummary etaError(MeterRegistry registry, String event, String side) {
    return DistributionSummary.builder("queue_eta_error_percent")
        .description(
            "ETA told at join against the actual wait, 100 |eta - wait| / wait, at admission")
        .tag("event", event)
        .tag("side", side)
        .serviceLevelObjectives(ETA_ERROR_BUCKETS)
        .register(registry);
  }

  private static Counter counter(
      MeterRegistry registry, String name, String description, String event) {
    return Counter.builder(name).description(description).tag("event", event).register(registry);
  }
}
