package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The business metrics on a Micrometer registry. Anyone can join any valid event id, so only the
 * first {@code maxEventLabels} events get their own {@code event} label for the life of the
 * process; later ones are counted together under {@code event="_other"}.
 */
final class MicrometerQueueMetrics implements QueueMetrics {

  static final int DEFAULT_MAX_EVENT_LABELS = 1000;

  /** The label shared by events beyond the cap (and by a real event of that name). */
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
  // Labels are the store's own command and script names: a small fixed set.
  private final Map<String, Timer> storeCommands = new ConcurrentHashMap<>();
  private final EventMeters other;
  // The overflow gauge is the sum of the last counts of the events folded into it.
  private final Map<String, Long> overflowWaiting = new ConcurrentHashMap<>();
  private volatile boolean full;

  MicrometerQueueMetrics(MeterRegistry registry) {
    this(registry, DEFAULT_MAX_EVENT_LABELS);
  }

  /**
   * @param maxEventLabels how many distinct events get their own label before the rest share one
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
    EventMeters meters = metersFor(eventId);
    if (meters != other) {
      meters.waiting().set(count);
      return;
    }
    // A delta per report keeps this O(1); an event reported empty is dropped from the map, so it
    // holds only overflow events that the reaper still sees with waiters.
    overflowWaiting.compute(
        eventId.value(),
        (event, previous) -> {
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

  private EventMeters metersFor(EventId eventId) {
    String event = eventId.value();
    EventMeters meters = byEvent.get(event);
    if (meters != null) {
      return meters;
    }
    if (full || OTHER_EVENTS.equals(event)) {
      return other;
    }
    // Rare slow path, once per new event until the cap: the lock keeps the count exact.
    synchronized (byEvent) {
      meters = byEvent.get(event);
      if (meters == null) {
        if (byEvent.size() >= maxEventLabels) {
          full = true;
          return other;
        }
        meters = EventMeters.register(registry, event);
        byEvent.put(event, meters);
      }
      return meters;
    }
  }

  private record EventMeters(
      Counter joins, Counter admissions, Counter leaves, Counter expiries, AtomicLong waiting) {

    static EventMeters register(MeterRegistry registry, String event) {
      AtomicLong waiting = new AtomicLong();
      Gauge.builder("queue_waiting", waiting, AtomicLong::doubleValue)
          .description("Waiters in the event's line, as last seen by the reaper")
          .tag("event", event)
          .strongReference(true)
          .register(registry);
      return new EventMeters(
          counter(registry, "queue_joins", "Joins", event),
          counter(registry, "queue_admissions", "Admissions granted", event),
          counter(registry, "queue_leaves", "Waiters who left the line", event),
          counter(registry, "queue_expiries", "Waiters removed for inactivity", event),
          waiting);
    }

    private static Counter counter(
        MeterRegistry registry, String name, String description, String event) {
      return Counter.builder(name).description(description).tag("event", event).register(registry);
    }
  }
}
