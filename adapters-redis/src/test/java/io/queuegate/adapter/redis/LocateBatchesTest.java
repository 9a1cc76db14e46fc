package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Natural batching of locate calls, driven by a sender whose replies the test completes. */
class LocateBatchesTest {
  private static final EventId EVENT = new EventId("sale");
  private static final EventId OTHER = new EventId("other-sale");
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

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
  private final LocateBatches batches =
      new LocateBatches(
          (event, batch) -> {
            Call call = new Call(event, List.copyOf(batch), new CompletableFuture<>());
            calls.add(call);
            return call.reply();
          });

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
  void failedCall_failsItsLookupsAndTheNextBatchStillGoesOut() throws Exception {
    CompletableFuture<List<Object>> first = locate(EVENT, 1);
    CompletableFuture<List<Object>> second = locate(EVENT, 2);

    calls.get(0).reply().completeExceptionally(new IllegalStateException("connection reset"));

    assertThat(first).isCompletedExceptionally();
    assertThat(calls).hasSize(2);
    calls.get(1).answerEach();
    assertThat(second.get()).containsExactly("index", waiter(2).value());
  }

  @Test
  void senderThatThrows_failsTheLookupInsteadOfLosingIt() {
    LocateBatches throwing =
        new LocateBatches(
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
                    }));
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
