package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which events have an {@code event} label of their own: those an operator configured and those the
 * reaper sees people waiting in, at most {@code maxUnconfigured} of the latter at once. An event
 * that is neither loses its label, and its meters leave the registry; everything without a label is
 * counted under {@value #OTHER}.
 */
final class EventLabels {
  /** The label shared by events without one of their own (and by a real event of that name). */
  static final String OTHER = "_other";

  private final MeterRegistry registry;
  private final int maxUnconfigured;
  private final Map<String, EventMeters> byEvent = new ConcurrentHashMap<>();
  // Labels come and go under this lock (rarely); counting only reads the map.
  private final Object lock = new Object();
  // Configured events with or without a label: a label created later must know it.
  private final Set<String> configured = ConcurrentHashMap.newKeySet();
  private final EventMeters other;
  // The overflow gauge is the sum of the last counts of the events folded into it.
  private final Map<String, Long> overflowWaiting = new ConcurrentHashMap<>();
  private int unconfiguredLabels;

  EventLabels(MeterRegistry registry, int maxUnconfigured) {
    if (maxUnconfigured < 0) {
      throw new IllegalArgumentException("maxEventLabels must not be negative");
    }
    this.registry = registry;
    this.maxUnconfigured = maxUnconfigured;
    this.other = EventMeters.register(registry, OTHER);
  }

  /** The event's own meters while it has a label, else the shared ones. */
  EventMeters metersFor(String event) {
    EventMeters meters = byEvent.get(event);
    return meters != null ? meters : other;
  }

  /** Whether an operator has configured the event, as the policies last told. */
  void configured(String event, boolean isConfigured) {
    // Every policy read reports here, made-up events included: the usual answer takes no lock.
    if (OTHER.equals(event) || configured.contains(event) == isConfigured) {
      return;
    }
    synchronized (lock) {
      if (configured.contains(event) == isConfigured) {
        return;
      }
      EventMeters meters = byEvent.get(event);
      if (isConfigured) {
        configured.add(event);
        if (meters == null) {
          label(event);
        } else {
          unconfiguredLabels--;
        }
      } else {
        configured.remove(event);
        if (meters != null && meters.waiting().get() == 0) {
          unlabel(event, meters);
        } else if (meters != null) {
          unconfiguredLabels++;
        }
      }
    }
  }

  /** The event's line length as the reaper saw it; zero means its line emptied. */
  void waiting(String event, long count) {
    EventMeters meters = byEvent.get(event);
    if (meters == null && count > 0 && !OTHER.equals(event)) {
      meters = labelWaiting(event);
    }
    if (meters != null) {
      meters.waiting().set(count);
      if (count == 0) {
        unlabelIfQuiet(event, meters);
      }
      return;
    }
    // A delta per report keeps this O(1); an event reported empty is dropped from the map, so it
    // holds only overflow events that the reaper still sees with waiters.
    overflowWaiting.compute(
        event,
        (key, previous) -> {
          other.waiting().addAndGet(count - (previous == null ? 0 : previous));
          return count > 0 ? count : null;
        });
  }

  /** A label for an event the reaper sees people waiting in, unless the cap is reached. */
  private EventMeters labelWaiting(String event) {
    synchronized (lock) {
      EventMeters meters = byEvent.get(event);
      if (meters != null) {
        return meters;
      }
      if (unconfiguredLabels >= maxUnconfigured) {
        return null;
      }
      unconfiguredLabels++;
      return label(event);
    }
  }

  /** Registers the event's meters; the caller holds the lock and keeps the count. */
  private EventMeters label(String event) {
    EventMeters meters = EventMeters.register(registry, event);
    byEvent.put(event, meters);
    // Its waiting people were counted in the overflow gauge until now.
    Long folded = overflowWaiting.remove(event);
    if (folded != null) {
      other.waiting().addAndGet(-folded);
    }
    return meters;
  }

  private void unlabelIfQuiet(String event, EventMeters meters) {
    synchronized (lock) {
      boolean quiet = !configured.contains(event) && meters.waiting().get() == 0;
      if (quiet && byEvent.get(event) == meters) {
        unconfiguredLabels--;
        unlabel(event, meters);
      }
    }
  }

  /** Takes the event's meters out of the registry; the caller holds the lock. */
  private void unlabel(String event, EventMeters meters) {
    byEvent.remove(event, meters);
    meters.ids().forEach(registry::remove);
    meters.refusals().remove();
  }
}
