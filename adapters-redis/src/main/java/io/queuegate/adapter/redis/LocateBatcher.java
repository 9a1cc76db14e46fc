package io.queuegate.adapter.redis;

import io.queuegate.adapter.redis.LocateBatches.Lookup;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The lookups of one event (see {@link LocateBatches}): at most one call in flight, the others
 * queued for the next. Retires when it runs dry, when a call fails or when its call is overdue; a
 * retired batcher takes no lookup and sends nothing more.
 */
final class LocateBatcher {
  private final EventId event;
  private final LocateBatches.Sender sender;
  private final LongSupplier nanoClock;
  private final Supplier<StoreUnavailableException> late;
  private final Consumer<LocateBatcher> onRetire;
  // A lock, not synchronized: its holders are virtual threads, and the section never blocks.
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Lookup> pending = new ArrayDeque<>();
  // The lookups of the call in flight and when it is due: its oldest lookup's deadline. Queued
  // lookups arrived later, so none is due before it.
  private List<Lookup> sending = List.of();
  private long due;
  private boolean inFlight;
  private boolean retired;

  LocateBatcher(
      EventId event,
      LocateBatches.Sender sender,
      LongSupplier nanoClock,
      Supplier<StoreUnavailableException> late,
      Consumer<LocateBatcher> onRetire) {
    this.event = event;
    this.sender = sender;
    this.nanoClock = nanoClock;
    this.late = late;
    this.onRetire = onRetire;
  }

  /** Queues a lookup, sending it at once when no call is in flight; false once retired. */
  boolean offer(Lookup lookup) {
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
      due = lookup.deadline();
    } finally {
      lock.unlock();
    }
    if (Thread.currentThread().isVirtual()) {
      // Let the requests already read on this carrier queue their lookups first: they then
      // share this call. With nothing else runnable, the yield returns at once.
      Thread.yield();
    }
    drive(next(null));
    return true;
  }

  /** Sends batches until one is still in flight (its reply goes on) or nothing is pending. */
  private void drive(List<Lookup> first) {
    List<Lookup> batch = first;
    while (batch != null) {
      List<Lookup> sent = batch;
      CompletableFuture<List<Object>> call = start(sent);
      if (!call.isDone()) {
        call.whenComplete((replies, error) -> drive(settle(sent, replies, error)));
        return;
      }
      // Done already (a refused connection fails at once): settle here and loop, not recurse.
      batch = call.handle((replies, error) -> settle(sent, replies, error)).join();
    }
  }

  private CompletableFuture<List<Object>> start(List<Lookup> batch) {
    try {
      return sender.send(event, batch);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Answers the lookups of a call that completed; the next batch to send, or null. */
  private List<Lookup> settle(List<Lookup> sent, List<Object> replies, Throwable error) {
    deliver(sent, replies, error);
    return next(error);
  }

  /**
   * The next batch, or null after retiring this batcher: because nothing is pending, because the
   * call that just completed failed (the lookups queued behind it fail with it: the next lookup
   * tries a fresh call), or because the watch retired it already. Lookups whose deadline passed
   * while they queued fail instead of being sent.
   */
  private List<Lookup> next(Throwable failure) {
    List<Lookup> dropped = new ArrayList<>(0);
    List<Lookup> batch = null;
    lock.lock();
    try {
      if (retired) {
        return null;
      }
      if (failure == null) {
        batch = take(nanoClock.getAsLong(), dropped);
      } else {
        dropped.addAll(pending);
        pending.clear();
      }
      if (batch == null) {
        retire();
      }
    } finally {
      lock.unlock();
    }
    if (!dropped.isEmpty()) {
      fail(dropped, failure != null ? failure : late.get());
    }
    return batch;
  }

  /**
   * Up to {@link LocateBatches#MAX_BATCH} pending lookups still in time, or null; the late ones go
   * to {@code tooLate}.
   */
  private List<Lookup> take(long now, List<Lookup> tooLate) {
    List<Lookup> batch = new ArrayList<>(Math.min(pending.size(), LocateBatches.MAX_BATCH));
    long oldest = Long.MAX_VALUE;
    while (!pending.isEmpty() && batch.size() < LocateBatches.MAX_BATCH) {
      Lookup lookup = pending.poll();
      if (lookup.deadline() - now <= 0) {
        tooLate.add(lookup);
      } else {
        batch.add(lookup);
        oldest = batch.size() == 1 ? lookup.deadline() : earlier(oldest, lookup.deadline());
      }
    }
    if (batch.isEmpty()) {
      return null;
    }
    sending = batch;
    due = oldest;
    return batch;
  }

  /** Fails the call in flight and everything queued once the call is past due. */
  void expire(long now) {
    List<Lookup> overdue;
    lock.lock();
    try {
      if (retired || !inFlight || due - now > 0) {
        return;
      }
      overdue = new ArrayList<>(sending.size() + pending.size());
      overdue.addAll(sending);
      overdue.addAll(pending);
      pending.clear();
      retire();
    } finally {
      lock.unlock();
    }
    // The call itself runs on until lettuce cuts it; its late reply finds these answered.
    fail(overdue, late.get());
  }

  private void retire() {
    inFlight = false;
    retired = true;
    sending = List.of();
    onRetire.accept(this);
  }

  private static long earlier(long a, long b) {
    return a - b <= 0 ? a : b;
  }

  private static void fail(List<Lookup> lookups, Throwable error) {
    for (Lookup lookup : lookups) {
      lookup.reply().completeExceptionally(error);
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
