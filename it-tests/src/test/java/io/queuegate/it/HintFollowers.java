package io.queuegate.it;

import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Waiters whose clients do exactly as they are told: poll again after {@code poll_after_ms}, after
 * {@code Retry-After} on a 503 or 429, after a second when no answer came; and stop for good on a
 * 404. Each one records what it saw, so a drill can tell who was reaped and who kept the beat.
 */
final class HintFollowers implements AutoCloseable {
  private static final long NO_ANSWER_RETRY_MS = 1_000;

  /** One waiter as its client sees it. */
  static final class Follower {
    final String token;
    final String event;
    // Its place in the order of joins (0 first), for the order check.
    final int joinIndex;
    volatile boolean polling = true;
    volatile boolean reaped;
    volatile String goneCode;
    volatile long position;
    volatile long longestHintMs;
    volatile long lastOkAt = Long.MIN_VALUE;
    volatile long answersSince;

    Follower(String token, String event, int joinIndex) {
      this.token = token;
      this.event = event;
      this.joinIndex = joinIndex;
    }

    /** Stops polling, as a person who closed the tab. */
    void goSilent() {
      polling = false;
    }
  }

  private final Api api;
  private final Tally tally;
  private final List<Follower> followers;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  private HintFollowers(Api api, Tally tally, List<Follower> followers) {
    this.api = api;
    this.tally = tally;
    this.followers = List.copyOf(followers);
  }

  /** Starts one client per follower; each polls first after {@code firstHint}. */
  static HintFollowers start(Api api, Tally tally, List<Follower> followers, Duration firstHint) {
    HintFollowers started = new HintFollowers(api, tally, followers);
    for (Follower f : started.followers) {
      started.threads.add(
          Thread.ofVirtual()
              .name("follower-" + f.joinIndex)
              .start(() -> started.follow(f, firstHint.toMillis())));
    }
    return started;
  }

  List<Follower> all() {
    return followers;
  }

  private void follow(Follower f, long firstWaitMs) {
    long waitMs = firstWaitMs;
    while (running && f.polling) {
      waitAsTold(waitMs);
      if (!running || !f.polling) {
        return;
      }
      Reply r = tally.call(() -> api.status(f.token));
      waitMs = next(f, r);
      if (f.reaped) {
        return;
      }
    }
  }

  // Pacing, not synchronisation: the client waits exactly as long as it was told (never less, so
  // a spurious wake-up does not make the drill kinder than the hint).
  private void waitAsTold(long ms) {
    long until = System.nanoTime() + Duration.ofMillis(ms).toNanos();
    long left;
    while (running && (left = until - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  private static long next(Follower f, Reply r) {
    if (r == null) {
      return NO_ANSWER_RETRY_MS;
    }
    switch (r.status()) {
      case 200 -> {
        long hint = r.body().path("poll_after_ms").asLong();
        f.position = r.body().path("position").asLong();
        f.longestHintMs = Math.max(f.longestHintMs, hint);
        f.lastOkAt = System.nanoTime();
        f.answersSince++;
        return hint;
      }
      case 404 -> {
        f.reaped = true;
        f.goneCode = r.errorCode();
        return 0;
      }
      default -> {
        return r.raw()
            .headers()
            .firstValue("Retry-After")
            .map(s -> Long.parseLong(s.trim()) * 1000)
            .orElse(NO_ANSWER_RETRY_MS);
      }
    }
  }

  /** Forgets the answers counted so far, so a drill can wait for fresh ones. */
  void resetAnswers() {
    followers.forEach(f -> f.answersSince = 0);
  }

  /** Stops every client and waits for it. */
  @Override
  public void close() {
    running = false;
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
    for (Thread t : threads) {
      try {
        if (!t.join(Duration.ofSeconds(40))) {
          throw new AssertionError("follower " + t.getName() + " did not stop: a hang");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
