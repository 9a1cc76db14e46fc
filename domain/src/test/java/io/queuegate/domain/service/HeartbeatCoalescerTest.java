package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.WaitingLine;
import io.queuegate.domain.service.RecordedTouches.Touch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeartbeatCoalescerTest {
  private static final EventId OTHER = new EventId("other");

  private final MutableClock clock = new MutableClock();
  private final WaitingLine line = mock(WaitingLine.class);
  private final HeartbeatCoalescer coalescer = new HeartbeatCoalescer(line, clock);
  private final WaiterId a = WaiterId.random();
  private final WaiterId b = WaiterId.random();
  private final WaiterId c = WaiterId.random();

  @Test
  void recordsUntilFlush_touchNothing() {
    coalescer.record(EVENT, a);

    verifyNoInteractions(line);
  }

  @Test
  void flush_sendsEachEventsIdsOnceAtFlushTime() {
    RecordedTouches touches = RecordedTouches.on(line);
    coalescer.record(EVENT, a);
    coalescer.record(EVENT, a);
    coalescer.record(EVENT, b);
    coalescer.record(OTHER, c);
    clock.advanceMillis(700);

    coalescer.flush();
    coalescer.flush();

    assertThat(touches.all())
        .containsExactlyInAnyOrder(
            new Touch(EVENT, Set.of(a, b), clock.instant()),
            new Touch(OTHER, Set.of(c), clock.instant()));
  }

  @Test
  void flushWithNothingPending_touchesNothing() {
    coalescer.flush();

    verifyNoInteractions(line);
  }

  @Test
  void forgottenWaiter_isNotTouched() {
    RecordedTouches touches = RecordedTouches.on(line);
    coalescer.record(EVENT, a);
    coalescer.record(EVENT, b);
    coalescer.record(OTHER, c);

    coalescer.forget(EVENT, a);
    coalescer.forget(OTHER, c);
    coalescer.forget(OTHER, b);
    coalescer.flush();

    assertThat(touches.all()).containsExactly(new Touch(EVENT, Set.of(b), clock.instant()));
  }

  @Test
  void storeFailure_keepsIdsForTheNextFlush() {
    doThrow(new StoreUnavailableException("down", null)).when(line).touch(eq(EVENT), any(), any());
    coalescer.record(EVENT, a);
    coalescer.record(EVENT, b);
    coalescer.flush();

    RecordedTouches touches = RecordedTouches.on(line);
    coalescer.record(EVENT, c);
    coalescer.flush();

    assertThat(touches.all()).containsExactly(new Touch(EVENT, Set.of(a, b, c), clock.instant()));
  }

  @Test
  void storeFailureForOneEvent_doesNotHoldBackAnother() {
    List<EventId> touched = new ArrayList<>();
    doAnswer(
            call -> {
              EventId eventId = call.getArgument(0);
              touched.add(eventId);
              if (eventId.equals(EVENT)) {
                throw new StoreUnavailableException("slot down", null);
              }
              return null;
            })
        .when(line)
        .touch(any(), any(), any());
    coalescer.record(EVENT, a);
    coalescer.record(OTHER, b);

    coalescer.flush();

    assertThat(touched).containsExactlyInAnyOrder(EVENT, OTHER);
  }

  @Test
  void recordDuringAFlush_isSentByTheNextFlush() {
    List<Set<WaiterId>> sent = new ArrayList<>();
    doAnswer(
            call -> {
              sent.add(Set.copyOf(call.<Collection<WaiterId>>getArgument(1)));
              if (sent.size() == 1) {
                coalescer.record(EVENT, b);
              }
              return null;
            })
        .when(line)
        .touch(any(), any(), any());
    coalescer.record(EVENT, a);

    coalescer.flush();
    coalescer.flush();

    assertThat(sent).containsExactly(Set.of(a), Set.of(b));
  }

  @Test
  void concurrentRecordsAndFlushes_loseNoHeartbeat() throws Exception {
    RecordedTouches touches = RecordedTouches.on(line);
    int threads = 4;
    int perThread = 2_000;
    Set<WaiterId> recorded = ConcurrentHashMap.newKeySet();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < perThread; i++) {
                    WaiterId id = WaiterId.random();
                    recorded.add(id);
                    coalescer.record(i % 2 == 0 ? EVENT : OTHER, id);
                  }
                  return null;
                }));
      }
      go.countDown();
      while (!work.stream().allMatch(Future::isDone)) {
        coalescer.flush();
      }
      for (Future<?> f : work) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    coalescer.flush();

    Set<WaiterId> touched = new HashSet<>();
    touches.all().forEach(touch -> touched.addAll(touch.ids()));
    assertThat(touched).hasSize(threads * perThread).isEqualTo(recorded);
  }

  @Test
  void nothingPending_everythingIsFlushedUpToNow() {
    clock.advance(Duration.ofMinutes(1));

    assertThat(coalescer.flushedUpTo(clock.instant())).isEqualTo(clock.instant());
  }

  @Test
  void pendingHeartbeats_areFlushedOnlyUpToTheStartOfTheLastCleanFlush() {
    RecordedTouches.on(line);
    coalescer.record(EVENT, a);
    clock.advanceMillis(500);
    Instant flushedAt = clock.instant();
    coalescer.flush();
    clock.advanceMillis(700);
    coalescer.record(EVENT, b);
    clock.advance(Duration.ofSeconds(30));

    assertThat(coalescer.flushedUpTo(clock.instant())).isEqualTo(flushedAt);
  }

  @Test
  void failingFlush_doesNotMoveTheFlushedPoint() {
    Instant start = clock.instant();
    doThrow(new StoreUnavailableException("down", null)).when(line).touch(eq(EVENT), any(), any());
    coalescer.record(EVENT, a);
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofSeconds(1));
      coalescer.flush();
    }

    assertThat(coalescer.flushedUpTo(clock.instant())).isEqualTo(start);
  }

  @Test
  void flushStillSending_countsAsPending() {
    Instant start = clock.instant();
    List<Instant> seenDuringTouch = new ArrayList<>();
    doAnswer(
            call -> {
              clock.advance(Duration.ofSeconds(10));
              seenDuringTouch.add(coalescer.flushedUpTo(clock.instant()));
              return null;
            })
        .when(line)
        .touch(any(), any(), any());
    coalescer.record(EVENT, a);

    coalescer.flush();

    assertThat(seenDuringTouch).containsExactly(start);
    assertThat(coalescer.flushedUpTo(clock.instant())).isEqualTo(clock.instant());
  }
}
