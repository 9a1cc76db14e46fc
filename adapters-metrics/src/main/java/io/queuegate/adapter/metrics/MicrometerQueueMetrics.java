package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The business metrics on a Micrometer registry. Anyone can join any valid event id, so an event
 * gets an {@code event} label of its own only while an operator has configured it or the reaper
 * sees people waiting in it, and loses it (its meters leave the registry) once it is neither:
 * made-up events cannot take labels for good. At most {@code maxEventLabels} events that nobody
 * configured hold a label at once; everything else is counted together under {@code
 * event="_other"}.
 */
final class MicrometerQueueMetrics implements QueueMetrics {

  static final int DEFAULT_MAX_EVENT_LABELS = 1000;

  /** The label shared by events without one of their own (and by a real event of that name). */
  static final String OTHER_EVENTS = "_other";

  /** From a quick admission to a sale that keeps people waiting for hours. */
  private static final Duration[] WAIT_BUCKETS = {
    Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
    Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
    Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
    Duration.ofHours(4), Duration.ofHours(8)
  };

  private final MeterRegistry registry;
  private final int maxEventLabels;
  // Labels are the store's own method names: a small fixed set, never a client's text.
  private final Map<PositionMethod, Counter> positions = new ConcurrentHashMap<>();
  // Kept apart from the counters, which a shared registry could merge with another instance's.
  private final Map<PositionMethod, LongAdder> recorded = new ConcurrentHashMap<>();
  private final Timer waitAtAdmission;
  private final Map<String, EventMeters> byEvent = new ConcurrentHashMap<>();
  // Labels come and go under this lock (rarely); counting only reads the map.
  private final Object labels = new Object();
  // Configured events with or without a label: a label created later must know it.
  private final Set<String> configured = ConcurrentHashMap.newKeySet();
  private int unconfiguredLabels;
  // Labels are the store's own command and script names: a small fixed set.
  private final Map<String, Timer> storeCommands = new ConcurrentHashMap<>();
  private final EventMeters other;
  // The overflow gauge is the sum of the last counts of the events folded into it.
  private final Map<String, Long> overflowWaiting = new ConcurrentHashMap<>();

  MicrometerQueueMetrics(MeterRegistry registry) {
    this(registry, DEFAULT_MAX_EVENT_LABELS);
  }

  /**
   * @param maxEventLabels how many events that nobody configured may hold a label of their own at
   *     once; configured events always get one, as operators create them
   */
  MicrometerQueueMetrics(MeterRegistry registry, int maxEventLabels) {
    if (maxEventLabels < 0) {
      throw new IllegalArgumentException("maxEventLabels must not be negative");
    }
    this.registry = Objects.requireNonNull(registry);
    this.maxEventLabels = maxEventLabels;
    this.waitAtAdmission =
        Timer.builder("queue_wait")
            .description("Time from join to admission")
            .serviceLevelObjectives(WAIT_BUCKETS)
            .register(registry);
    this.other = EventMeters.register(registry, OTHER_EVENTS);
  }

  @Override
  public void configured(EventId eventId, boolean isConfigured) {
    String event = eventId.value();
    // Every policy read reports here, made-up events included: the usual answer takes no lock.
    if (OTHER_EVENTS.equals(event) || configured.contains(event) == isConfigured) {
      return;
    }
    synchronized (labels) {
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

  @Override
  public void joined(EventId eventId) {
    metersFor(eventId).joins().increment();
  }

  /** Shows each of {@code methods} from 0, before the first position it finds. */
  public void registerPositionMethods(Collection<PositionMethod> methods) {
    methods.forEach(this::positionCounter);
  }

  @Override
  public void positionComputed(PositionMethod method) {
    positionCounter(method).increment();
    recorded.get(method).increment();
  }

  private Counter positionCounter(PositionMethod method) {
    Counter counter = positions.get(method);
    if (counter != null) {
      return counter;
    }
    recorded.computeIfAbsent(method, m -> new LongAdder());
    return positions.computeIfAbsent(
        method,
        m ->
            Counter.builder("queue_position_calculation")
                .description("Positions answered, by how they were found")
                .tag("method", m.label())
                .register(registry));
  }

  /** One store command (or script) and how long it took. */
  public void storeCommand(String command, Duration took) {
    storeCommands
        .computeIfAbsent(
            command,
            name ->
                Timer.builder("queue_store_command")
                    .description("Latency of store commands and scripts")
                    .tag("command", name)
                    .publishPercentileHistogram()
                    .register(registry))
        .record(took);
  }

  @Override
  public void admitted(EventId eventId, Duration waited) {
    metersFor(eventId).admissions().increment();
    waitAtAdmission.record(waited.isNegative() ? Duration.ZERO : waited);
  }

  @Override
  public void left(EventId eventId) {
    metersFor(eventId).leaves().increment();
  }

  @Override
  public void expired(EventId eventId, int count) {
    if (count > 0) {
      metersFor(eventId).expiries().increment(count);
    }
  }

  @Override
  public void waiting(EventId eventId, long count) {
    String event = eventId.value();
    EventMeters meters = byEvent.get(event);
    if (meters == null && count > 0 && !OTHER_EVENTS.equals(event)) {
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

  /** Positions answered by this instance since it started, by method label. */
  public Map<String, Long> positionsByMethod() {
    Map<String, Long> counts = new TreeMap<>();
    recorded.forEach((method, adder) -> counts.put(method.label(), adder.sum()));
    return counts;
  }

  /** The event's own meters while it has a label, else the shared ones. */
  private EventMeters metersFor(EventId eventId) {
    EventMeters meters = byEvent.get(eventId.value());
    return meters != null ? meters : other;
  }

  /** A label for an event the reaper sees people waiting in, unless the cap is reached. */
  private EventMeters labelWaiting(String event) {
    synchronized (labels) {
      EventMeters meters = byEvent.get(event);
      if (meters != null) {
        return meters;
      }
      if (unconfiguredLabels >= maxEventLabels) {
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
    synchronized (labels) {
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
  }

  private record EventMeters(
      Counter joins,
      Counter admissions,
      Counter leaves,
      Counter expiries,
      AtomicLong waiting,
      List<Meter.Id> ids) {

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
      Counter expiries =
          counter(registry, "queue_expiries", "Waiters removed for inactivity", event);
      return new EventMeters(
          joins,
          admissions,
          leaves,
          expiries,
          waiting,
          List.of(
              gauge.getId(), joins.getId(), admissions.getId(), leaves.getId(), expiries.getId()));
    }

    private static Counter counter(
        MeterRegistry registry, String name, String description, String event) {
      return Counter.builder(name).description(description).tag("event", event).register(registry);
    }
  }
}
