package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Coalesces concurrent position lookups of one event into one locate call (natural batching). While
 * a call for an event is in flight, new lookups queue; the reply to that call sends the next one,
 * carrying everything that queued. A lone lookup goes out at once, so batching adds latency only
 * under load, and then at most one round trip. In return, under load a status costs a fraction of a
 * Redis command, of a socket write and of a thread hand-off: those, not Redis, bound how many
 * status calls one instance serves.
 */
final class LocateBatches {
  /** Keeps one script run short (Redis serves nothing else meanwhile). */
  static final int MAX_BATCH = 64;

  /** Sends one locate call for {@code batch}, all of one event; one reply per lookup, in order. */
  @FunctionalInterface
  interface Sender {
    CompletableFuture<List<Object>> send(EventId event, List<Lookup> batch);
  }

  /** One waiter's lookup; {@code reply} completes with its part of the call's reply. */
  record Lookup(WaiterId waiter, Instant now, CompletableFuture<List<Object>> reply) {}

  private final ConcurrentHashMap<EventId, Batcher> batchers = new ConcurrentHashMap<>();
  private final Sender sender;

  LocateBatches(Sender sender) {
    this.sender = sender;
  }

  /** Queues a lookup; the future completes with the waiter's reply or the call's failure. */
  CompletableFuture<List<Object>> locate(EventId event, WaiterId waiter, Instant now) {
    Lookup lookup = new Lookup(waiter, now, new CompletableFuture<>());
    // A batcher retires when it runs dry; a lookup that meets a retired one takes a fresh one.
    while (!batchers.computeIfAbsent(event, Batcher::new).offer(lookup)) {
      // The retired batcher has left the map already; the next round finds a fresh one.
    }
    return lookup.reply();
  }

  /** Events with a batcher right now: idle events hold none. */
  int activeEvents() {
    return batchers.size();
  }

  /** The queue of one event; at most one call in flight. */
  private final class Batcher {
    private final EventId event;
    // A lock, not synchronized: its holders are virtual threads, and the section never blocks.
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Lookup> pending = new ArrayDeque<>();
    private boolean inFlight;
    private boolean retired;

    Batcher(EventId event) {
      this.event = event;
    }

    boolean offer(Lookup lookup) {
      List<Lookup> batch;
      lock.lock();
      try {
        if (retired) {
          return false;
        }
        pending.add(lookup);
        if (inFlight) {
          return true;
        }
        inFlight = true;
      } finally {
        lock.unlock();
      }
      if (Thread.currentThread().isVirtual()) {
        // Let the requests already read on this carrier queue their lookups first: they then
        // share this call. With nothing else runnable, the yield returns at once.
        Thread.yield();
      }
      lock.lock();
      try {
        batch = take();
      } finally {
        lock.unlock();
      }
      drive(batch);
      return true;
    }

    /** Sends batches until one is still in flight (its reply goes on) or nothing is pending. */
    private void drive(List<Lookup> first) {
      List<Lookup> batch = first;
      while (batch != null) {
        CompletableFuture<List<Object>> call = start(batch);
        if (!call.isDone()) {
          List<Lookup> sent = batch;
          call.whenComplete(
              (replies, error) -> {
                deliver(sent, replies, error);
                drive(next());
              });
          return;
        }
        // Done already (a refused connection fails at once): loop rather than recurse.
        List<Lookup> sent = batch;
        call.whenComplete((replies, error) -> deliver(sent, replies, error));
        batch = next();
      }
    }

    private CompletableFuture<List<Object>> start(List<Lookup> batch) {
      try {
        return sender.send(event, batch);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    /** The next batch, or null after retiring this batcher because nothing is pending. */
    private List<Lookup> next() {
      lock.lock();
      try {
        if (pending.isEmpty()) {
          inFlight = false;
          retired = true;
          batchers.remove(event, this);
          return null;
        }
        return take();
      } finally {
        lock.unlock();
      }
    }

    private List<Lookup> take() {
      List<Lookup> batch = new ArrayList<>(Math.min(pending.size(), MAX_BATCH));
      while (!pending.isEmpty() && batch.size() < MAX_BATCH) {
        batch.add(pending.poll());
      }
      return batch;
    }
  }

  private static void deliver(List<Lookup> batch, List<Object> replies, Throwable error) {
    if (error == null && (replies == null || replies.size() != batch.size())) {
      error = new IllegalStateException("locate answered " + replies + " for " + batch.size());
    }
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<List<Object>> reply = batch.get(i).reply();
      if (error != null) {
        reply.completeExceptionally(error);
      } else if (replies.get(i) instanceof List<?> part) {
        @SuppressWarnings("unchecked")
        List<Object> own = (List<Object>) part;
        reply.complete(own);
      } else {
        reply.completeExceptionally(
            new IllegalStateException("locate answered " + replies.get(i) + " for one waiter"));
      }
    }
  }
}
