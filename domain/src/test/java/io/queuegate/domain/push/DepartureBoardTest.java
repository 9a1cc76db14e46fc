package io.queuegate.domain.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.EventId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DepartureBoardTest {
  private static final EventId EVENT = new EventId("sale");
  private static final Duration LONG = Duration.ofMinutes(2);
  private static final Duration BOUND = Duration.ofSeconds(30);

  private final DepartureBoard board = new DepartureBoard();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void eventNeverMirrored_isUnknownAndAwaitReturnsAtOnce() throws Exception {
    assertThat(board.seen(EVENT)).isEmpty();
    assertThat(board.await(EVENT, 1, LONG)).isEqualTo(Wake.UNKNOWN);
  }

  @Test
  void targetAlreadyReached_returnsWithoutSleeping() throws Exception {
    board.applied(EVENT, 7);

    assertThat(board.await(EVENT, 7, LONG)).isEqualTo(Wake.REACHED);
    assertThat(board.sleeping(EVENT)).isZero();
  }

  @Test
  void departuresNeverGoBack() {
    board.applied(EVENT, 9);
    board.applied(EVENT, 4);

    assertThat(board.seen(EVENT)).hasValue(9);
  }

  @Test
  void longestWaitPasses_timesOutAndLeavesNoEntryBehind() throws Exception {
    board.applied(EVENT, 0);

    assertThat(board.await(EVENT, 5, Duration.ofMillis(20))).isEqualTo(Wake.TIMED_OUT);
    assertThat(board.sleeping(EVENT)).isZero();
  }

  @Test
  void aBatch_wakesExactlyTheWaitersWhoseTargetItReached() throws Exception {
    int waiters = 10_000;
    board.applied(EVENT, 0);
    Map<Long, Wake> woke = new ConcurrentHashMap<>();
    CountDownLatch firstHalf = new CountDownLatch(waiters / 2);
    CountDownLatch all = new CountDownLatch(waiters);
    for (long target = 1; target <= waiters; target++) {
      long t = target;
      threads.submit(
          () -> {
            woke.put(t, board.await(EVENT, t, LONG));
            firstHalf.countDown();
            all.countDown();
            return null;
          });
    }
    until(() -> board.sleeping(EVENT) == waiters);

    board.applied(EVENT, waiters / 2);

    assertThat(firstHalf.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(board.sleeping(EVENT)).isEqualTo(waiters / 2);
    assertThat(woke).hasSize(waiters / 2);
    assertThat(woke.keySet()).allMatch(t -> t <= waiters / 2);
    assertThat(woke.values()).containsOnly(Wake.REACHED);

    board.applied(EVENT, waiters);

    assertThat(all.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(woke).hasSize(waiters);
    assertThat(woke.values()).containsOnly(Wake.REACHED);
    assertThat(board.sleeping(EVENT)).isZero();
  }

  @Test
  void aBatchBelowEveryTarget_wakesNobody() throws Exception {
    board.applied(EVENT, 0);
    AtomicInteger woken = new AtomicInteger();
    for (int i = 0; i < 1_000; i++) {
      threads.submit(
          () -> {
            board.await(EVENT, 100, LONG);
            return woken.incrementAndGet();
          });
    }
    until(() -> board.sleeping(EVENT) == 1_000);

    board.applied(EVENT, 99);

    assertThat(board.sleeping(EVENT)).isEqualTo(1_000);
    assertThat(woken).hasValue(0);
  }

  @Test
  void droppingTheEvent_wakesEveryWaiterAndForgetsIt() throws Exception {
    board.applied(EVENT, 0);
    List<Future<Wake>> waits = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      long target = 1 + i;
      waits.add(threads.submit(() -> board.await(EVENT, target, LONG)));
    }
    until(() -> board.sleeping(EVENT) == 1_000);

    board.dropped(EVENT);

    for (Future<Wake> w : waits) {
      assertThat(w.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Wake.DROPPED);
    }
    assertThat(board.seen(EVENT)).isEmpty();
    assertThat(board.await(EVENT, 1, LONG)).isEqualTo(Wake.UNKNOWN);
  }

  @Test
  void anotherEventsBatch_leavesThisEventsWaitersAsleep() throws Exception {
    EventId other = new EventId("other");
    board.applied(EVENT, 0);
    board.applied(other, 0);
    Future<Wake> wait = threads.submit(() -> board.await(EVENT, 1, LONG));
    until(() -> board.sleeping(EVENT) == 1);

    board.applied(other, 50);

    assertThat(board.sleeping(EVENT)).isEqualTo(1);
    board.applied(EVENT, 1);
    assertThat(wait.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Wake.REACHED);
  }

  @Test
  void interruptedWaiter_throwsAndLeavesNoEntryBehind() throws Exception {
    board.applied(EVENT, 0);
    CountDownLatch interrupted = new CountDownLatch(1);
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    board.await(EVENT, 10, LONG);
                  } catch (InterruptedException e) {
                    interrupted.countDown();
                  }
                });
    until(() -> board.sleeping(EVENT) == 1);

    waiter.interrupt();

    assertThat(interrupted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(board.sleeping(EVENT)).isZero();
  }

  @Test
  void interruptedBeforeWaiting_throws() {
    board.applied(EVENT, 0);
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> board.await(EVENT, 10, LONG)).isInstanceOf(InterruptedException.class);
    assertThat(board.sleeping(EVENT)).isZero();
  }

  /** Waiters arriving while batches land: none misses the batch that reached its target. */
  @Test
  void waitersRacingBatches_allWakeAsReached() throws Exception {
    int waiters = 2_000;
    long last = 5_000;
    board.applied(EVENT, 0);
    SplittableRandom random = new SplittableRandom(15);
    List<Future<Wake>> waits = new ArrayList<>();
    CountDownLatch started = new CountDownLatch(1);
    Future<?> writer =
        threads.submit(
            () -> {
              started.await();
              for (long d = 1; d <= last; d++) {
                board.applied(EVENT, d);
                if (d % 100 == 0) {
                  Thread.yield();
                }
              }
              return null;
            });
    started.countDown();
    for (int i = 0; i < waiters; i++) {
      long target = 1 + random.nextLong(last);
      waits.add(threads.submit(() -> board.await(EVENT, target, LONG)));
    }
    writer.get(BOUND.toSeconds(), TimeUnit.SECONDS);

    for (Future<Wake> w : waits) {
      assertThat(w.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Wake.REACHED);
    }
    assertThat(board.sleeping(EVENT)).isZero();
  }

  /** A bounded wait for a condition another thread brings about; never a fixed sleep. */
  private static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + BOUND);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }
}
