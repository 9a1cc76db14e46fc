package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.queuegate.domain.model.CaptchaVerdict;
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
    List<Meter.Id> ids,
    RefusalMeters refusals) {

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
        List.copyOf(ids),
        new RefusalMeters(registry, event));
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

  private static Counter counter(
      MeterRegistry registry, String name, String description, String event) {
    return Counter.builder(name).description(description).tag("event", event).register(registry);
  }
}
