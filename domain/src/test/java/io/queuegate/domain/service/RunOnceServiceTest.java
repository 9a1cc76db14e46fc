package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.DuplicateRequest;
import io.queuegate.domain.model.IdempotencyBegin;
import io.queuegate.domain.model.IdempotencyConflict;
import io.queuegate.domain.model.IdempotencyOutcome;
import io.queuegate.domain.model.IdempotencyReply;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.IdempotencyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RunOnceServiceTest {
  private static final Duration REPLAY_FOR = Duration.ofMinutes(5);
  private static final Duration IN_FLIGHT_FOR = Duration.ofSeconds(30);
  private static final String ROUTE = "POST /api/v1/queue/join";
  private static final String KEY = "9b2f1a4e-5d0c-4c1e-9f6a-2b7d8e3c4a10";
  private static final String SCOPED = ROUTE + ":" + KEY;
  private static final IdempotencyReply ACCEPTED =
      new IdempotencyReply(true, "{\"status\":\"waiting\"}");

  private final MutableClock clock = new MutableClock();
  private final IdempotencyStore store = mock(IdempotencyStore.class);
  private final RunOnceService service =
      new RunOnceService(store, clock, REPLAY_FOR, IN_FLIGHT_FOR);
  private final AtomicInteger runs = new AtomicInteger();

  private Supplier<IdempotencyReply> replying(IdempotencyReply reply) {
    return () -> {
      runs.incrementAndGet();
      return reply;
    };
  }

  private void begins(IdempotencyBegin begin) {
    when(store.begin(SCOPED, "fp", IN_FLIGHT_FOR, clock.instant())).thenReturn(begin);
  }

  @Test
  void firstRequest_runsAndItsSuccessIsKeptForReplay() {
    begins(new IdempotencyBegin.Started());

    IdempotencyOutcome outcome = service.runOnce(ROUTE, KEY, "fp", replying(ACCEPTED));

    assertThat(outcome).isEqualTo(new IdempotencyOutcome(ACCEPTED, false));
    assertThat(runs).hasValue(1);
    verify(store).complete(SCOPED, "fp", ACCEPTED, REPLAY_FOR, clock.instant());
  }

  @Test
  void repeat_replaysTheStoredReplyWithoutRunning() {
    begins(new IdempotencyBegin.Replay(ACCEPTED));

    IdempotencyOutcome outcome = service.runOnce(ROUTE, KEY, "fp", replying(ACCEPTED));

    assertThat(outcome).isEqualTo(new IdempotencyOutcome(ACCEPTED, true));
    assertThat(runs).hasValue(0);
  }

  @Test
  void sameKeyDifferentBody_isAConflict() {
    begins(new IdempotencyBegin.Conflict());

    assertThatThrownBy(() -> service.runOnce(ROUTE, KEY, "fp", replying(ACCEPTED)))
        .isInstanceOf(IdempotencyConflict.class);
    assertThat(runs).hasValue(0);
  }

  @Test
  void sameKeyWhileTheFirstRuns_isADuplicate() {
    begins(new IdempotencyBegin.InFlight());

    assertThatThrownBy(() -> service.runOnce(ROUTE, KEY, "fp", replying(ACCEPTED)))
        .isInstanceOf(DuplicateRequest.class);
    assertThat(runs).hasValue(0);
  }

  @Test
  void sameKeyOnAnotherRoute_isADifferentRecord() {
    when(store.begin("POST /api/v1/queue/enter:" + KEY, "fp", IN_FLIGHT_FOR, clock.instant()))
        .thenReturn(new IdempotencyBegin.Started());

    service.runOnce("POST /api/v1/queue/enter", KEY, "fp", replying(ACCEPTED));

    assertThat(runs).hasValue(1);
  }

  @Test
  void failedRequest_releasesTheKeyAndRethrows() {
    begins(new IdempotencyBegin.Started());
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                service.runOnce(
                    ROUTE,
                    KEY,
                    "fp",
                    () -> {
                      throw failure;
                    }))
        .isSameAs(failure);
    verify(store).release(SCOPED);
    verify(store, never()).complete(any(), any(), any(), any(), any());
  }

  @Test
  void nonSuccessReply_releasesTheKeyAndIsNotKept() {
    begins(new IdempotencyBegin.Started());
    IdempotencyReply unavailable = new IdempotencyReply(false, "{}");

    IdempotencyOutcome outcome = service.runOnce(ROUTE, KEY, "fp", replying(unavailable));

    assertThat(outcome).isEqualTo(new IdempotencyOutcome(unavailable, false));
    verify(store).release(SCOPED);
    verify(store, never()).complete(any(), any(), any(), any(), any());
  }

  @Test
  void storeFailingToKeepTheReply_stillAnswersWithIt() {
    begins(new IdempotencyBegin.Started());
    doThrow(new StoreUnavailableException("timeout", null))
        .when(store)
        .complete(any(), any(), any(), any(), any());

    assertThat(service.runOnce(ROUTE, KEY, "fp", replying(ACCEPTED)).reply()).isEqualTo(ACCEPTED);
  }

  @Test
  void storeDownAtBegin_runsNothing() {
    when(store.begin(any(), any(), any(), any()))
        .thenThrow(new StoreUnavailableException("timeout", null));

    assertThatThrownBy(() -> service.runOnce(ROUTE, KEY, "fp", replying(ACCEPTED)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(runs).hasValue(0);
  }
}
