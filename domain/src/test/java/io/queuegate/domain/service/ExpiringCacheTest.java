package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Single-flight loads outside any lock, the backoff after a failure and the grace period, with a
 * clock the test moves and loads the test holds on latches.
 */
class ExpiringCacheTest {
  private static final Duration FRESH_FOR = Duration.ofSeconds(1);
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final Duration BACKOFF = Duration.ofSeconds(1);
  private static final String KEY = "sale";

  private final MutableClock clock = new MutableClock();
  private final ExpiringCache<String, String> cache =
      new ExpiringCache<>(clock, FRESH_FOR, Duration.ZERO, BACKOFF, 100);
  private final ExpiringCache<String, String> graceful =
      new ExpiringCache<>(clock, FRESH_FOR, GRACE, BACKOFF, 100);
  private final AtomicInteger loads = new AtomicInteger();
  // Reloads handed to the refresher, run when the test says.
  private final Queue<Runnable> deferred = new ArrayDeque<>();
  private final ExpiringCache<String, String> refreshing =
      new ExpiringCache<>(clock, FRESH_FOR, GRACE, BACKOFF, 100, deferred::add);

  /** A load that counts itself, then answers or fails as the test decides. */
  private final class HeldLoad implements Function<String, String> {
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile RuntimeException failure;

    @Override
    public String apply(String key) {
      loads.incrementAndGet();
      started.countDown();
      try {
        if (!release.await(10, TimeUnit.SECONDS)) {
          throw new AssertionError("the test never released the load");
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      if (failure != null) {
        throw failure;
      }
      return "loaded";
    }

    void awaitStarted() throws InterruptedException {
      assertThat(started.await(10, TimeUnit.SECONDS)).as("load started").isTrue();
    }

    void answer() {
      release.countDown();
    }

    void fail(RuntimeException e) {
      failure = e;
      release.countDown();
    }
  }

  private Function<String, String> counting(String value) {
    return key -> {
      loads.incrementAndGet();
      return value;
    };
  }

  private static Function<String, String> failing(RuntimeException e) {
    return key -> {
      throw e;
    };
  }

  private static CompletableFuture<String> inThread(
      ExpiringCache<String, String> c, Function<String, String> loader) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread.ofPlatform()
        .start(
            () -> {
              try {
                result.complete(c.get(KEY, loader));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  /** Waits, bounded, until {@code thread} is parked or blocked: it waits on something. */
  private static Thread waitingCaller(
      ExpiringCache<String, String> c, CompletableFuture<String> result) {
    Thread caller =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    result.complete(c.get(KEY, key -> "second load"));
                  } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                  }
                });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (caller.getState() == Thread.State.RUNNABLE || caller.getState() == Thread.State.NEW) {
      assertThat(System.nanoTime()).as("caller waiting").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return caller;
  }

  @Test
  void freshValue_isServedWithoutLoadingAgain() {
    assertThat(cache.get(KEY, counting("v1"))).isEqualTo("v1");
    clock.advance(FRESH_FOR.minusMillis(1));

    assertThat(cache.get(KEY, counting("v2"))).isEqualTo("v1");
    assertThat(loads).hasValue(1);
  }

  @Test
  void callersArrivingDuringALoad_waitForItAndShareItsValue_neverLoadingAgain() throws Exception {
    HeldLoad load = new HeldLoad();
    CompletableFuture<String> first = inThread(cache, load);
    load.awaitStarted();
    CompletableFuture<String> second = new CompletableFuture<>();
    waitingCaller(cache, second);

    load.answer();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("loaded");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("loaded");
    assertThat(loads).hasValue(1);
  }

  @Test
  void loadInFlight_holdsNoLock_forgetAndOtherKeysGoOnMeanwhile() throws Exception {
    HeldLoad load = new HeldLoad();
    CompletableFuture<String> first = inThread(cache, load);
    load.awaitStarted();

    // Under the map's per-key update, both would wait for the load (one store timeout).
    CompletableFuture.runAsync(() -> cache.forget(KEY)).get(5, TimeUnit.SECONDS);
    assertThat(CompletableFuture.supplyAsync(() -> cache.get("other", counting("o"))))
        .succeedsWithin(Duration.ofSeconds(5))
        .isEqualTo("o");

    load.answer();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("loaded");
    // Forgotten while in flight: what the load read is not installed, the next call reads again.
    assertThat(cache.get(KEY, counting("after the change"))).isEqualTo("after the change");
  }

  @Test
  void callersWaitingOnALoadThatFails_getItsFailure_insteadOfEachLoadingInTurn() throws Exception {
    HeldLoad load = new HeldLoad();
    CompletableFuture<String> first = inThread(cache, load);
    load.awaitStarted();
    CompletableFuture<String> second = new CompletableFuture<>();
    waitingCaller(cache, second);

    IllegalStateException down = new IllegalStateException("store timed out");
    load.fail(down);

    assertThat(first).failsWithin(Duration.ofSeconds(10)).withThrowableThat().withCause(down);
    assertThat(second).failsWithin(Duration.ofSeconds(10)).withThrowableThat().withCause(down);
    assertThat(loads).hasValue(1);
  }

  @Test
  void afterAFailedLoad_callersGetTheFailureAtOnceUntilTheBackoffEnds_thenLoadAgain() {
    IllegalStateException down = new IllegalStateException("store timed out");
    assertThatThrownBy(() -> cache.get(KEY, failing(down))).isSameAs(down);

    clock.advance(BACKOFF.minusMillis(1));
    assertThatThrownBy(() -> cache.get(KEY, counting("v"))).isSameAs(down);
    assertThat(loads).hasValue(0);

    clock.advanceMillis(1);
    assertThat(cache.get(KEY, counting("v"))).isEqualTo("v");
    assertThat(loads).hasValue(1);
  }

  @Test
  void withoutGrace_aStaleValueIsNeverServed_theFailureIs() {
    cache.get(KEY, counting("v1"));
    clock.advance(FRESH_FOR);
    IllegalStateException down = new IllegalStateException("store timed out");

    assertThatThrownBy(() -> cache.get(KEY, failing(down))).isSameAs(down);
    assertThatThrownBy(() -> cache.get(KEY, counting("v2"))).isSameAs(down);
  }

  @Test
  void withinGrace_theStaleValueIsServedWhileReloadingAndAfterTheReloadFails() throws Exception {
    graceful.get(KEY, counting("v1"));
    clock.advance(FRESH_FOR);
    HeldLoad load = new HeldLoad();
    CompletableFuture<String> reloading = inThread(graceful, load);
    load.awaitStarted();

    // Another caller does not wait for the reload: it gets the stale value at once.
    assertThat(graceful.get(KEY, counting("never"))).isEqualTo("v1");
    load.fail(new IllegalStateException("store timed out"));
    assertThat(reloading.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
    assertThat(graceful.get(KEY, counting("never"))).isEqualTo("v1");
    assertThat(loads).hasValue(2);
  }

  @Test
  void pastGrace_theFailureIsServed_andAGoodLoadEndsIt() {
    graceful.get(KEY, counting("v1"));
    clock.advance(FRESH_FOR.plus(GRACE));
    IllegalStateException down = new IllegalStateException("store timed out");

    assertThatThrownBy(() -> graceful.get(KEY, failing(down))).isSameAs(down);
    assertThatThrownBy(() -> graceful.get(KEY, counting("v2"))).isSameAs(down);

    clock.advance(BACKOFF);
    assertThat(graceful.get(KEY, counting("v2"))).isEqualTo("v2");
  }

  @Test
  void loadThatThrowsAnError_leavesNoClaimForOthersToWaitOn() {
    assertThatThrownBy(
            () ->
                cache.get(
                    KEY,
                    key -> {
                      throw new AssertionError("bug");
                    }))
        .isInstanceOf(AssertionError.class);

    assertThat(cache.get(KEY, counting("v"))).isEqualTo("v");
  }

  @Test
  void reloadWithinGrace_runsOnTheRefresher_andEveryCallerIncludingItsClaimerGetsTheStaleValue() {
    refreshing.get(KEY, counting("v1"));
    clock.advance(FRESH_FOR);

    assertThat(refreshing.get(KEY, counting("v2"))).isEqualTo("v1");
    assertThat(refreshing.get(KEY, counting("never"))).isEqualTo("v1");
    assertThat(loads).as("loads on the callers' threads").hasValue(1);
    assertThat(deferred).hasSize(1);

    deferred.poll().run();
    assertThat(loads).hasValue(2);
    assertThat(refreshing.get(KEY, counting("never"))).isEqualTo("v2");
    assertThat(deferred).isEmpty();
  }

  @Test
  void reloadOnTheRefresherFails_theStaleValueServesWithinGrace_andTheBackoffHolds() {
    refreshing.get(KEY, counting("v1"));
    clock.advance(FRESH_FOR);
    IllegalStateException down = new IllegalStateException("store timed out");

    assertThat(refreshing.get(KEY, failing(down))).isEqualTo("v1");
    deferred.poll().run();
    assertThat(refreshing.get(KEY, counting("never"))).isEqualTo("v1");
    assertThat(deferred).as("no reload while backing off").isEmpty();

    clock.advance(BACKOFF);
    assertThat(refreshing.get(KEY, counting("v2"))).isEqualTo("v1");
    deferred.poll().run();
    assertThat(refreshing.get(KEY, counting("never"))).isEqualTo("v2");
  }

  @Test
  void withoutAValueWithinGrace_theCallerLoads_notTheRefresher() {
    assertThat(refreshing.get(KEY, counting("v1"))).isEqualTo("v1");
    clock.advance(FRESH_FOR.plus(GRACE));

    assertThat(refreshing.get(KEY, counting("v2"))).isEqualTo("v2");
    assertThat(deferred).isEmpty();
    assertThat(loads).hasValue(2);
  }
}
