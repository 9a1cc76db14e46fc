package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Coalesces concurrent position lookups of one event into one locate call (natural batching). While
 * a call for an event is in flight, new lookups queue; the reply to that call sends the next one,
 * carrying everything that queued. A lone lookup goes out at once, so batching adds latency only
 * under load. In return, under load a status costs a fraction of a Redis command, of a socket write
 * and of a thread hand-off: those, not Redis, bound how many status calls one instance serves.
 *
 * <p>Every lookup is answered within its budget (the command timeout) whatever the arrival rate: a
 * lookup whose deadline passed while it queued fails instead of being sent; a call that fails fails
 * the lookups queued behind it at once; and one {@link DeadlineWatch} fails a call still unanswered
 * at its oldest lookup's deadline, with everything queued behind it. A batcher that failed retires,
 * so the next lookup of the event sends a fresh call.
 */
final class LocateBatches {
  /** Keeps one script run short (Redis serves nothing else meanwhile). */
  static final int MAX_BATCH = 64;

  /**
   * How often the deadline watch looks at the calls in flight: a lookup fails at most this late.
   */
  static final Duration WATCH_TICK = Duration.ofMillis(10);

  /** Sends one locate call for {@code batch}, all of one event; one reply per lookup, in order. */
  @FunctionalInterface
  interface Sender {
    CompletableFuture<List<Object>> send(EventId event, List<Lookup> batch);
  }

  /**
   * One waiter's lookup, due by {@code deadline} (on the batches' nano clock); {@code reply}
   * completes with its part of the call's reply.
   */
  record Lookup(
      WaiterId waiter, Instant now, long deadline, CompletableFuture<List<Object>> reply) {}

  private final ConcurrentHashMap<EventId, LocateBatcher> batchers = new ConcurrentHashMap<>();
  private final Sender sender;
  private final Duration budget;
  private final LongSupplier nanoClock;
  private final DeadlineWatch watch;

  /** Batches whose lookups get {@code budget} each, watched on the process's shared timer. */
  LocateBatches(Sender sender, Duration budget) {
    this(sender, budget, System::nanoTime, DeadlineWatch.sharedTimer());
  }

  LocateBatches(Sender sender, Duration budget, LongSupplier nanoClock, DeadlineWatch.Timer timer) {
    this.sender = sender;
    this.budget = budget;
    this.nanoClock = nanoClock;
    this.watch = new DeadlineWatch(timer, WATCH_TICK, this::expireOverdue);
  }

  /** Queues a lookup; the future completes with the waiter's reply or a failure, within budget. */
  CompletableFuture<List<Object>> locate(EventId event, WaiterId waiter, Instant now) {
    long deadline = nanoClock.getAsLong() + budget.toNanos();
    Lookup lookup = new Lookup(waiter, now, deadline, new CompletableFuture<>());
    // A batcher retires when it runs dry or fails; a lookup that meets a retired one takes a fresh
    // one.
    while (!batchers.computeIfAbsent(event, this::batcher).offer(lookup)) {
      // The retired batcher has left the map already; the next round finds a fresh one.
    }
    watch.arm();
    return lookup.reply();
  }

  /** Events with a batcher right now: idle events hold none. */
  int activeEvents() {
    return batchers.size();
  }

  /** Fails the calls past their deadline; answers whether any batcher is left to watch. */
  private boolean expireOverdue() {
    long now = nanoClock.getAsLong();
    for (LocateBatcher batcher : batchers.values()) {
      batcher.expire(now);
    }
    return !batchers.isEmpty();
  }

  private LocateBatcher batcher(EventId event) {
    return new LocateBatcher(
        event, sender, nanoClock, this::late, retired -> batchers.remove(event, retired));
  }

  private StoreUnavailableException late() {
    return new StoreUnavailableException(
        "Redis did not answer a position lookup within " + budget.toMillis() + " ms", null);
  }
}
