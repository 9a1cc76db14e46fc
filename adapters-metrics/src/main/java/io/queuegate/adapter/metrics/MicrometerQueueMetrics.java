package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.queuegate.domain.model.CaptchaVerdict;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The business metrics on a Micrometer registry. Anyone can join any valid event id, so an event
 * has an {@code event} label of its own only while an operator has configured it or the reaper sees
 * people waiting in it ({@link EventLabels}): made-up events cannot take labels for good.
 */
final class MicrometerQueueMetrics implements QueueMetrics {

  static final int DEFAULT_MAX_EVENT_LABELS = 1000;

  /** From a quick admission to a sale that keeps people waiting for hours. */
  private static final Duration[] WAIT_BUCKETS = {
    Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
    Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
    Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
    Duration.ofHours(4), Duration.ofHours(8)
  };

  private final MeterRegistry registry;
  private final EventLabels labels;
  // Labels are the store's own method names: a small fixed set, never a client's text.
  private final Map<PositionMethod, Counter> positions = new ConcurrentHashMap<>();
  // Kept apart from the counters, which a shared registry could merge with another instance's.
  private final Map<PositionMethod, LongAdder> recorded = new ConcurrentHashMap<>();
  private final Timer waitAtAdmission;
  // Labels are the store's own command and script names: a small fixed set.
  private final Map<String, Timer> storeCommands = new ConcurrentHashMap<>();
  private final AtomicInteger mirrored = new AtomicInteger();

  MicrometerQueueMetrics(MeterRegistry registry) {
    this(registry, DEFAULT_MAX_EVENT_LABELS);
  }

  /**
   * @param maxEventLabels how many events that nobody configured may hold a label of their own at
   *     once; configured events always get one, as operators create them
   */
  MicrometerQueueMetrics(MeterRegistry registry, int maxEventLabels) {
    this.registry = Objects.requireNonNull(registry);
    this.labels = new EventLabels(registry, maxEventLabels);
    Gauge.builder("queue_mirrored_events", mirrored, AtomicInteger::doubleValue)
        .description("Events whose line this instance mirrors now")
        .strongReference(true)
        .register(registry);
    this.waitAtAdmission =
        Timer.builder("queue_wait")
            .description("Time from join to admission")
            .serviceLevelObjectives(WAIT_BUCKETS)
            .register(registry);
  }

  @Override
  public void configured(EventId eventId, boolean configured) {
    labels.configured(eventId.value(), configured);
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
  public void challengeIssued(EventId eventId) {
    metersFor(eventId).challengesIssued().increment();
  }

  @Override
  public void challengeSolved(EventId eventId) {
    metersFor(eventId).challengesSolved().increment();
  }

  @Override
  public void challengeRefused(EventId eventId, ProofOfWorkRefusal reason) {
    EventMeters meters = metersFor(eventId);
    meters.challengesRefused().increment();
    meters.refusals().refused(reason);
  }

  @Override
  public void captchaVerified(EventId eventId, CaptchaVerdict verdict) {
    metersFor(eventId).captchaVerifications().get(verdict).increment();
  }

  @Override
  public void etaAtJoin(EventId eventId, Duration etaAtJoin, Duration waited) {
    // A wait under a second is a second: nobody is told less, and a ratio needs a divisor.
    double wait = Math.max(1.0, waited.toMillis() / 1000.0);
    double eta = Math.max(0, etaAtJoin.toMillis() / 1000.0);
    EventMeters meters = metersFor(eventId);
    (eta < wait ? meters.etaUnder() : meters.etaOver()).record(100 * Math.abs(eta - wait) / wait);
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
    labels.waiting(eventId.value(), count);
  }

  @Override
  public void mirrorLag(EventId eventId, Duration lag) {
    metersFor(eventId).mirrorLag().record(lag.isNegative() ? Duration.ZERO : lag);
  }

  @Override
  public void mirrorRebuilt(EventId eventId) {
    metersFor(eventId).mirrorRebuilds().increment();
  }

  @Override
  public void mirroredEvents(int count) {
    mirrored.set(count);
  }

  /** Positions answered by this instance since it started, by method label. */
  public Map<String, Long> positionsByMethod() {
    Map<String, Long> counts = new TreeMap<>();
    recorded.forEach((method, adder) -> counts.put(method.label(), adder.sum()));
    return counts;
  }

  private EventMeters metersFor(EventId eventId) {
    return labels.metersFor(eventId.value());
  }
}
