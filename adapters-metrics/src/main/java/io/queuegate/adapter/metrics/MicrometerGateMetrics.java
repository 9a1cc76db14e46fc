package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.queuegate.domain.model.GateOutcome;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.port.out.GateMetrics;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gate's metrics: {@code queue_gate_decisions_total{room, outcome}} and the gauge {@code
 * queue_gate_active_sessions{room}}. Rooms are set by operators (at most a thousand), so the room
 * label is bounded; a request no room covers counts under {@code room="_none"}. The counters are
 * cached per label pair, because a gate check must stay cheap.
 */
final class MicrometerGateMetrics implements GateMetrics {
  static final String NO_ROOM = "_none";

  private final MeterRegistry registry;
  private final Map<String, Map<GateOutcome, Counter>> decisions = new ConcurrentHashMap<>();
  private final Map<RoomId, AtomicLong> active = new ConcurrentHashMap<>();
  private final Map<RoomId, Gauge> gauges = new ConcurrentHashMap<>();

  MicrometerGateMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry);
  }

  @Override
  public void decided(Optional<RoomId> room, GateOutcome outcome) {
    String label = room.isPresent() ? room.get().value() : NO_ROOM;
    Map<GateOutcome, Counter> byOutcome = decisions.get(label);
    if (byOutcome == null) {
      byOutcome = decisions.computeIfAbsent(label, l -> new ConcurrentHashMap<>());
    }
    Counter counter = byOutcome.get(outcome);
    if (counter == null) {
      counter =
          byOutcome.computeIfAbsent(
              outcome,
              o ->
                  Counter.builder("queue_gate_decisions")
                      .description("Gate decisions, by room and outcome")
                      .tag("room", label)
                      .tag("outcome", o.label())
                      .register(registry));
    }
    counter.increment();
  }

  @Override
  public void activeSessions(RoomId room, long count) {
    active
        .computeIfAbsent(
            room,
            id -> {
              AtomicLong value = new AtomicLong();
              gauges.put(
                  id,
                  Gauge.builder("queue_gate_active_sessions", value, AtomicLong::get)
                      .description("Live sessions of the room's event, as last counted")
                      .tag("room", id.value())
                      .register(registry));
              return value;
            })
        .set(count);
  }

  @Override
  public void forget(RoomId room) {
    active.remove(room);
    Gauge gauge = gauges.remove(room);
    if (gauge != null) {
      registry.remove(gauge);
    }
  }
}
