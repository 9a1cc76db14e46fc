package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import java.util.EnumMap;
import java.util.Map;

/**
 * One event's proof-of-work refusals by reason, {@code queue_pow_refusals_total{event, reason}}.
 * Registered on first use, since most events never refuse anything: at most one counter per reason
 * of a small fixed set.
 */
final class RefusalMeters {
  private final MeterRegistry registry;
  private final String event;
  // Guarded by this; a refusal after the event lost its label counts nowhere, not in a lost meter.
  private final Map<ProofOfWorkRefusal, Counter> byReason = new EnumMap<>(ProofOfWorkRefusal.class);
  private boolean removed;

  RefusalMeters(MeterRegistry registry, String event) {
    this.registry = registry;
    this.event = event;
  }

  synchronized void refused(ProofOfWorkRefusal reason) {
    if (removed) {
      return;
    }
    byReason
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("queue_pow_refusals")
                    .description("Proof-of-work solutions refused at join, by reason")
                    .tag("event", event)
                    .tag("reason", r.label())
                    .register(registry))
        .increment();
  }

  /** Takes the counters out of the registry, for good. */
  synchronized void remove() {
    removed = true;
    byReason.values().forEach(c -> registry.remove(c.getId()));
    byReason.clear();
  }
}
