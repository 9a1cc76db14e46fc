package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.queuegate.domain.model.CaptchaVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One event's meters, and their ids, so that they can leave the registry together. */
record EventMeters(
    Counter joins,
    Counter admissions,
    Counter leaves,
    Counter expiries,
    Counter challengesIssued,
    Counter challengesSolved,
    Counter challengesRefused,
    Map<CaptchaVerdict, Counter> captchaVerifications,
    AtomicLong waiting,
    DistributionSummary etaUnder,
    DistributionSummary etaOver,
    List<Meter.Id> ids,
    RefusalMeters refusals,
    Timer mirrorLag,
    Counter mirrorRebuilds) {

  /**
   * Bucket bounds of the ETA error in percent: the benchmark's 15 % target sits on one of them.
   * Percent, not a ratio: Micrometer rounds a summary's values up to whole numbers for its buckets.
   */
  private static final double[] ETA_ERROR_BUCKETS = {5, 10, 15, 25, 50, 100, 200};

  /** From a healthy follower's few milliseconds to the staleness bound and beyond. */
  private static final Duration[] LAG_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofSeconds(5)
  };

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
    Counter issued = challenges(registry, event, "issued");
    Counter solved = challenges(registry, event, "solved");
    Counter refused = challenges(registry, event, "refused");
    Map<CaptchaVerdict, Counter> captcha = new EnumMap<>(CaptchaVerdict.class);
    for (CaptchaVerdict verdict : CaptchaVerdict.values()) {
      captcha.put(verdict, captchaVerifications(registry, event, verdict));
    }
    List<Meter.Id> ids =
        new ArrayList<>(
            List.of(
                gauge.getId(),
                joins.getId(),
                admissions.getId(),
                leaves.getId(),
                expiries.getId(),
                issued.getId(),
                solved.getId(),
                refused.getId()));
    captcha.values().forEach(counter -> ids.add(counter.getId()));
    DistributionSummary under = etaError(registry, event, "under");
    DistributionSummary over = etaError(registry, event, "over");
    ids.add(under.getId());
    ids.add(over.getId());
    Timer lag =
        Timer.builder("queue_mirror_lag")
            .description(
                "Time from the store writing a feed entry to this instance's mirror applying it")
            .tag("event", event)
            .serviceLevelObjectives(LAG_BUCKETS)
            .register(registry);
    Counter rebuilds =
        counter(
            registry,
            "queue_mirror_rebuilds",
            "Mirrors of the event's line built from a snapshot (first builds included)",
            event);
    ids.add(lag.getId());
    ids.add(rebuilds.getId());
    return new EventMeters(
        joins,
        admissions,
        leaves,
        expiries,
        issued,
        solved,
        refused,
        Map.copyOf(captcha),
        waiting,
        under,
        over,
        List.copyOf(ids),
        new RefusalMeters(registry, event),
        lag,
        rebuilds);
  }

  /** CAPTCHA tokens checked with the provider at join, by verdict (docs/design.md#captcha). */
  private static Counter captchaVerifications(
      MeterRegistry registry, String event, CaptchaVerdict verdict) {
    return Counter.builder("queue_captcha_verifications")
        .description("CAPTCHA tokens checked with the provider at join, by verdict")
        .tag("event", event)
        .tag("outcome", verdict.label())
        .register(registry);
  }

  /** Proof-of-work challenges by outcome: issued, solved at join, refused at join. */
  private static Counter challenges(MeterRegistry registry, String event, String outcome) {
    return Counter.builder("queue_pow_challenges")
        .description("Proof-of-work challenges issued, and solutions accepted or refused at join")
        .tag("event", event)
        .tag("outcome", outcome)
        .register(registry);
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
