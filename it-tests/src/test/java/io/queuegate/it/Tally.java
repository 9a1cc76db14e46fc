package io.queuegate.it;

import io.queuegate.it.Api.Reply;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts the answers a drill's load receives: by status code (or "io" when no answer came), how
 * many 503s lacked Retry-After, the slowest failure, and when the last failure happened.
 */
final class Tally {
  private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private final LongAdder unavailableWithoutRetryAfter = new LongAdder();
  private final LongAccumulator slowestFailureNanos = new LongAccumulator(Math::max, 0);
  private final LongAccumulator slowestNanos = new LongAccumulator(Math::max, 0);
  private final AtomicLong lastFailureAt = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong slowestFailureStartedAt = new AtomicLong(Long.MIN_VALUE);
  private final Queue<Long> failureNanos = new ConcurrentLinkedQueue<>();
  private final long startedAt = System.nanoTime();

  private final Tally parent;

  Tally() {
    this(null);
  }

  /** A tally of one kind of request that also counts everything into {@code parent}. */
  Tally(Tally parent) {
    this.parent = parent;
  }

  /** Runs one request and counts its answer; returns null when no answer came at all. */
  Reply call(Supplier<Reply> request) {
    long start = System.nanoTime();
    Reply reply;
    try {
      reply = request.get();
    } catch (UncheckedIOException e) {
      reply = null;
    }
    record(reply, start, System.nanoTime() - start);
    return reply;
  }

  private void record(Reply reply, long start, long took) {
    if (parent != null) {
      parent.record(reply, start, took);
    }
    total.increment();
    slowestNanos.accumulate(took);
    String key = reply == null ? "io" : Integer.toString(reply.status());
    byStatus.computeIfAbsent(key, k -> new LongAdder()).increment();
    if (reply == null || reply.status() >= 500) {
      if (took > slowestFailureNanos.get()) {
        slowestFailureStartedAt.set(start);
      }
      slowestFailureNanos.accumulate(took);
      failureNanos.add(took);
      lastFailureAt.accumulateAndGet(System.nanoTime(), Math::max);
      if (reply != null
          && reply.status() == 503
          && reply.raw().headers().firstValue("Retry-After").isEmpty()) {
        unavailableWithoutRetryAfter.increment();
      }
    }
  }

  long total() {
    return total.sum();
  }

  long count(int status) {
    LongAdder n = byStatus.get(Integer.toString(status));
    return n == null ? 0 : n.sum();
  }

  long noAnswer() {
    LongAdder n = byStatus.get("io");
    return n == null ? 0 : n.sum();
  }

  /** Answers of 500 or above other than 503, plus requests that got no answer. */
  long serverErrorsOtherThan503() {
    return byStatus.entrySet().stream()
        .filter(e -> !e.getKey().equals("io") && Integer.parseInt(e.getKey()) >= 500)
        .filter(e -> !e.getKey().equals("503"))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  long unavailableWithoutRetryAfter() {
    return unavailableWithoutRetryAfter.sum();
  }

  Duration slowestFailure() {
    return Duration.ofNanos(slowestFailureNanos.get());
  }

  /** The latency below which {@code share} (0..1) of the failing requests answered. */
  Duration failurePercentile(double share) {
    long[] sorted = failureNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Duration.ZERO;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1);
    return Duration.ofNanos(sorted[Math.max(0, index)]);
  }

  /** The nanoTime at which the slowest failing request started. */
  long slowestFailureStartedAt() {
    return slowestFailureStartedAt.get();
  }

  Duration slowest() {
    return Duration.ofNanos(slowestNanos.get());
  }

  /** The nanoTime of the last failure (5xx or no answer), or Long.MIN_VALUE if none. */
  long lastFailureAt() {
    return lastFailureAt.get();
  }

  double perSecond() {
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    return seconds <= 0 ? 0 : total() / seconds;
  }

  /** "202: 812, 403: 40, 503: 17" in status order. */
  String byStatus() {
    Map<String, Long> sorted = new TreeMap<>();
    byStatus.forEach((k, v) -> sorted.put(k, v.sum()));
    StringBuilder sb = new StringBuilder();
    sorted.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
    return sb.isEmpty() ? "none" : sb.toString();
  }

  /** Only the failures (5xx, 429 and no answer), or "none". */
  String failures() {
    Map<String, Long> sorted = new TreeMap<>();
    byStatus.forEach(
        (k, v) -> {
          if (k.equals("io") || Integer.parseInt(k) >= 500 || k.equals("429")) {
            sorted.put(k.equals("io") ? "no answer" : k, v.sum());
          }
        });
    StringBuilder sb = new StringBuilder();
    sorted.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
    return sb.isEmpty() ? "none" : sb.toString();
  }
}
