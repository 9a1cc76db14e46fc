package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Natural batching of locate calls and their deadlines, driven by a sender whose replies the test
 * completes, a nano clock the test moves and a timer whose tasks the test runs.
 */
class LocateBatchesTest {
  private static final EventId EVENT = new EventId("sale");
  private static final EventId OTHER = new EventId("other-sale");
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final Duration BUDGET = Duration.ofMillis(500);

  /** One call the batcher sent: its event, its lookups and the reply the test completes. */
  private record Call(
      EventId event, List<LocateBatches.Lookup> batch, CompletableFuture<List<Object>> reply) {
    List<String> waiters() {
      return batch.stream().map(l -> l.waiter().value()).toList();
    }

    /** Answers every lookup with {@code ['index', <waiter id>]}, in the batch's order. */
    void answerEach() {
      List<Object> replies = new ArrayList<>();
      for (LocateBatches.Lookup lookup : batch) {
        replies.add(List.of("index", lookup.waiter().value()));
      }
      reply.complete(replies);
    }
  }

  private final List<Call> calls = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final List<Runnable> timer = new ArrayList<>();
  private final LocateBatches batches =
      batches(
          (event, batch) -> {
            Call call = new Call(event, List.copyOf(batch), new CompletableFuture<>());
            calls.add(call);
            return call.reply();
          });

  private LocateBatches batches(LocateBatches.Sender sender) {
    return new LocateBatches(sender, BUDGET, nanos::get, (delay, task) -> timer.add(task));
  }

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  /** Runs what the deadline watch scheduled, as its timer would once the tick has passed. */
  private void tick() {
    List<Runnable> due = List.copyOf(timer);
    timer.clear();
    due.forEach(Runnable::run);
  }

  private static void assertFailsAsStoreUnavailable(CompletableFuture<List<Object>> reply) {
    assertThat(reply)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(StoreUnavailableException.class);
  }

  private static WaiterId waiter(int n) {
    return new WaiterId(String.format("w%021d", n));
  }

  private CompletableFuture<List<Object>> locate(EventId event, int n) {
    return batches.locate(event, waiter(n), NOW);
  }

  @Test
  void loneLookup_goesOutAtOnceInACallOfItsOwn() throws Exception {
    CompletableFuture<List<Object>> reply = locate(EVENT, 1);

    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).waiters()).containsExactly(waiter(1).value());
    calls.get(0).answerEach();
    assertThat(reply.get()).containsExactly("index", waiter(1).value());
    assertThat(batches.activeEvents()).isZero();
  }

  @Test
  void lookupsWhileACallIsInFlight_shareTheNextCallAndEachGetsItsOwnReply() throws Exception {
    CompletableFuture<List<Object>> first = locate(EVENT, 1);
    List<CompletableFuture<List<Object>>> queued = new ArrayList<>();
    for (int n = 2; n <= 5; n++) {
      queued.add(locate(EVENT, n));
    }

    assertThat(calls).hasSize(1);
    calls.get(0).answerEach();

    assertThat(first.get()).containsExactly("index", waiter(1).value());
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1).waiters())
        .containsExactly(
            waiter(2).value(), waiter(3).value(), waiter(4).value(), waiter(5).value());
    assertThat(queued).allSatisfy(f -> assertThat(f).isNotDone());
    calls.get(1).answerEach();
    for (int i = 0; i < queued.size(); i++) {
      assertThat(queued.get(i).get()).containsExactly("index", waiter(i + 2).value());
    }
    assertThat(batches.activeEvents()).isZero();
  }

  @Test
  void moreLookupsThanABatchHolds_goOutInCallsOfAtMostTheLimit() {
    locate(EVENT, 0);
    int queued = 2 * LocateBatches.MAX_BATCH + 5;
    List<CompletableFuture<List<Object>>> replies = new ArrayList<>();
    for (int n = 1; n <= queued; n++) {
      replies.add(locate(EVENT, n));
    }

    for (int i = 0; i < 4; i++) {
      calls.get(i).answerEach();
    }

    assertThat(calls)
        .extracting(c -> c.batch().size())
        .containsExactly(1, LocateBatches.MAX_BATCH, LocateBatches.MAX_BATCH, 5);
    assertThat(replies).allSatisfy(f -> assertThat(f).isCompleted());
    assertThat(batches.activeEvents()).isZero();
  }

  @Test
  void failedCall_failsTheLookupsQueuedBehindItAtOnce_andTheNextLookupTriesAFreshCall()
      throws Exception {
    CompletableFuture<List<Object>> first = locate(EVENT, 1);
    CompletableFuture<List<Object>> second = locate(EVENT, 2);

    calls.get(0).reply().completeExceptionally(new IllegalStateException("connection reset"));

    assertThat(first).isCompletedExceptionally();
    // Queued behind a call that failed: it would most likely fail too, after a second wait.
    assertThat(second).isCompletedExceptionally();
    assertThat(calls).hasSize(1);
    assertThat(batches.activeEvents()).isZero();

    CompletableFuture<List<Object>> third = locate(EVENT, 3);
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1).waiters()).containsExactly(waiter(3).value());
    calls.get(1).answerEach();
    assertThat(third.get()).containsExactly("index", waiter(3).value());
  }

  @Test
  void lookupWhoseDeadlinePassedWhileQueued_failsAtOnceInsteadOfBeingSent() throws Exception {
    CompletableFuture<List<Object>> first = locate(EVENT, 1);
    advance(BUDGET.dividedBy(2));
    CompletableFuture<List<Object>> late = locate(EVENT, 2);
    advance(BUDGET.dividedBy(2));
    CompletableFuture<List<Object>> inTime = locate(EVENT, 3);
    advance(BUDGET.dividedBy(2));

    // The call answers just before the watch would have cut it (the watch has not run).
    calls.get(0).answerEach();

    assertThat(first.get()).containsExactly("index", waiter(1).value());
    assertFailsAsStoreUnavailable(late);
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1).waiters()).containsExactly(waiter(3).value());
    calls.get(1).answerEach();
    assertThat(inTime.get()).containsExactly("index", waiter(3).value());
  }

  @Test
  void callUnansweredAtItsDeadline_failsWithEverythingQueued_andAFreshCallGoesOut()
      throws Exception {
    CompletableFuture<List<Object>> first = locate(EVENT, 1);
    advance(BUDGET.dividedBy(5));
    CompletableFuture<List<Object>> queued = locate(EVENT, 2);
    advance(BUDGET.multipliedBy(4).dividedBy(5));

    tick();

    assertFailsAsStoreUnavailable(first);
    // Its own deadline is still ahead, but it waits behind a call that is overdue.
    assertFailsAsStoreUnavailable(queued);
    assertThat(batches.activeEvents()).isZero();

    CompletableFuture<List<Object>> fresh = locate(EVENT, 3);
    assertThat(calls).hasSize(2);
    // The overdue call answers at last: nothing of it reaches the fresh call's lookups.
    calls.get(0).answerEach();
    assertThat(calls).hasSize(2);
    calls.get(1).answerEach();
    assertThat(fresh.get()).containsExactly("index", waiter(3).value());
  }

  @Test
  void lookupQueuedBehindASlowCall_failsAtItsOwnDeadline_evenThoughItsCallWentOutLate() {
    locate(EVENT, 1);
    CompletableFuture<List<Object>> queued = locate(EVENT, 2);
    advance(BUDGET.multipliedBy(9).dividedBy(10));
    calls.get(0).answerEach();
    assertThat(calls).hasSize(2);

    advance(BUDGET.dividedBy(10));
    tick();

    assertFailsAsStoreUnavailable(queued);
    assertThat(batches.activeEvents()).isZero();
  }

  @Test
  void callStillWithinItsDeadline_isLeftAlone_andTheWatchKeepsTicking() throws Exception {
    CompletableFuture<List<Object>> first = locate(EVENT, 1);
    CompletableFuture<List<Object>> queued = locate(EVENT, 2);
    advance(BUDGET.minusNanos(1));

    tick();

    assertThat(first).isNotDone();
    assertThat(queued).isNotDone();
    assertThat(timer).hasSize(1);
    calls.get(0).answerEach();
    calls.get(1).answerEach();
    assertThat(queued.get()).containsExactly("index", waiter(2).value());
  }

  @Test
  void watch_stopsWhenNothingIsInFlight_andStartsAgainWithTheNextLookup() {
    locate(EVENT, 1);
    assertThat(timer).hasSize(1);
    calls.get(0).answerEach();

    tick();
    assertThat(timer).isEmpty();

    locate(EVENT, 2);
    assertThat(timer).hasSize(1);
  }

  @Test
  void manyLookupsOfOneEvent_scheduleOneTimerBetweenThem() {
    for (int n = 0; n < 500; n++) {
      locate(EVENT, n);
    }

    assertThat(timer).hasSize(1);
  }

  @Test
  void senderThatThrows_failsTheLookupInsteadOfLosingIt() {
    LocateBatches throwing =
        batches(
            (event, batch) -> {
              throw new IllegalStateException("no connection");
            });

    CompletableFuture<List<Object>> reply = throwing.locate(EVENT, waiter(1), NOW);

    assertThat(reply).isCompletedExceptionally();
    assertThat(throwing.activeEvents()).isZero();
  }

  @Test
  void replyOfTheWrongLength_failsEveryLookupOfTheCall() {
    CompletableFuture<List<Object>> first = locate(EVENT, 1);

    calls.get(0).reply().complete(List.of());

    assertThat(first)
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withMessageContaining("locate answered");
  }

  @Test
  void differentEvents_neverShareACall() {
    locate(EVENT, 1);
    locate(OTHER, 2);
    locate(EVENT, 3);
    locate(OTHER, 4);

    assertThat(calls).hasSize(2);
    assertThat(calls).extracting(Call::event).containsExactly(EVENT, OTHER);
    calls.get(0).answerEach();
    calls.get(1).answerEach();

    assertThat(calls).hasSize(4);
    assertThat(calls.get(2).event()).isEqualTo(EVENT);
    assertThat(calls.get(2).waiters()).containsExactly(waiter(3).value());
    assertThat(calls.get(3).event()).isEqualTo(OTHER);
    assertThat(calls.get(3).waiters()).containsExactly(waiter(4).value());
  }

  @Test
  void manyThreads_everyLookupIsAnsweredWithItsOwnReply() throws Exception {
    LocateBatches async =
        new LocateBatches(
            (event, batch) ->
                CompletableFuture.supplyAsync(
                    () -> {
                      List<Object> replies = new ArrayList<>();
                      for (LocateBatches.Lookup lookup : batch) {
                        replies.add(List.of("index", lookup.waiter().value()));
                      }
                      return replies;
                    }),
            // The real clock and timer, with a budget no busy machine comes near.
            Duration.ofMinutes(1));
    int threads = 16;
    int perThread = 200;
    List<List<CompletableFuture<List<Object>>>> replies = new ArrayList<>();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t * perThread;
      List<CompletableFuture<List<Object>>> own = new ArrayList<>();
      replies.add(own);
      running.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < perThread; i++) {
                      own.add(async.locate(EVENT, waiter(first + i), NOW));
                    }
                  }));
    }
    for (Thread thread : running) {
      thread.join();
    }

    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i++) {
        assertThat(replies.get(t).get(i).get())
            .containsExactly("index", waiter(t * perThread + i).value());
      }
    }
  }
}
